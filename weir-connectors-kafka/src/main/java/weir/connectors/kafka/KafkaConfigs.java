package weir.connectors.kafka;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Checks of user settings and the clients made from them, shared by the source and the sink. */
final class KafkaConfigs {
  private KafkaConfigs() {}

  /** Fails unless {@code servers} is a list of {@code host:port}. */
  static void checkBootstrapServers(String servers, String what) {
    if (servers == null || servers.isBlank()) {
      throw new IllegalArgumentException("The " + what + " needs bootstrapServers(\"host:port\")");
    }
    for (String s : servers.split(",")) {
      String server = s.trim();
      int colon = server.lastIndexOf(':');
      boolean ok = colon > 0 && colon < server.length() - 1;
      if (ok) {
        try {
          int port = Integer.parseInt(server.substring(colon + 1));
          ok = port > 0 && port < 65536;
        } catch (NumberFormatException e) {
          ok = false;
        }
      }
      if (!ok) {
        throw new IllegalArgumentException("The " + what + "'s bootstrap server '" + server + "' (of '" + servers
            + "') is not host:port; write e.g. bootstrapServers(\"localhost:9092\")");
      }
    }
  }

  /** An admin client with the connection settings of {@code properties}. */
  static Admin admin(Properties properties) {
    Properties p = new Properties();
    for (String key : AdminClientConfig.configNames()) {
      if (properties.containsKey(key)) {
        p.put(key, properties.get(key));
      }
    }
    p.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    p.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    return Admin.create(p);
  }
}
