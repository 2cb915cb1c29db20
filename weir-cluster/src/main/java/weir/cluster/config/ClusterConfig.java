package weir.cluster.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The configuration of a JobManager or TaskManager process: a YAML file (keys nested or dotted,
 * {@code heartbeat: {timeout: 5s}} and {@code heartbeat.timeout: 5s} are the same) with {@code
 * -Dkey=value} overrides on top, checked when the process starts. An unknown key or a value of
 * the wrong form fails the start with a {@link ConfigException} that names the key, the value and
 * what is expected.
 *
 * <p>Immutable.
 */
public final class ClusterConfig {
  /** The address the JobManager binds its servers to and TaskManagers reach it at. */
  public static final Option<String> JOBMANAGER_HOST =
      Option.of("jobmanager.host", "127.0.0.1", "a host name or IP address", ClusterConfig::host);
  /** The port of the JobManager's gRPC server; 0 picks a free one. */
  public static final Option<Integer> JOBMANAGER_RPC_PORT =
      Option.of("jobmanager.rpc.port", 6123, "a port, 0 to 65535", ClusterConfig::port);
  /** The port of the JobManager's REST API; 0 picks a free one. */
  public static final Option<Integer> REST_PORT = Option.of("rest.port", 8081, "a port, 0 to 65535", ClusterConfig::port);
  /** How often a TaskManager sends a heartbeat to the JobManager. */
  public static final Option<Duration> HEARTBEAT_INTERVAL =
      Option.of("heartbeat.interval", Duration.ofSeconds(1), "a positive duration such as 500ms, 2s or 1m", ClusterConfig::duration);
  /** After how long without a heartbeat each side takes the other for lost. */
  public static final Option<Duration> HEARTBEAT_TIMEOUT =
      Option.of("heartbeat.timeout", Duration.ofSeconds(8), "a positive duration such as 500ms, 2s or 1m", ClusterConfig::duration);
  /** The address a TaskManager binds its servers to and advertises. */
  public static final Option<String> TASKMANAGER_HOST =
      Option.of("taskmanager.host", "127.0.0.1", "a host name or IP address", ClusterConfig::host);
  /** The port of a TaskManager's metrics endpoint ({@code GET /metrics}); 0 picks a free one. */
  public static final Option<Integer> TASKMANAGER_METRICS_PORT =
      Option.of("taskmanager.metrics.port", 0, "a port, 0 to 65535", ClusterConfig::port);
  /** The task slots a TaskManager offers. */
  public static final Option<Integer> TASKMANAGER_SLOTS =
      Option.of("taskmanager.slots", 1, "a whole number from 1 to 1024", ClusterConfig::slots);

  /** The port of a TaskManager's gRPC server, which the JobManager deploys tasks through; 0 picks a free one. */
  public static final Option<Integer> TASKMANAGER_RPC_PORT =
      Option.of("taskmanager.rpc.port", 0, "a port, 0 to 65535", ClusterConfig::port);
  /** The port of a TaskManager's network data server; 0 picks a free one. */
  public static final Option<Integer> TASKMANAGER_DATA_PORT =
      Option.of("taskmanager.data.port", 0, "a port, 0 to 65535", ClusterConfig::port);
  /** The cooperative worker threads a TaskManager runs its subtasks on. */
  public static final Option<Integer> TASKMANAGER_WORKERS = Option.of("taskmanager.workers",
      Runtime.getRuntime().availableProcessors(), "a whole number from 1 to 1024", ClusterConfig::count);
  /** The memory of a TaskManager's network buffers, all exchanges together. */
  public static final Option<Long> TASKMANAGER_NETWORK_MEMORY = Option.of("taskmanager.network.memory",
      64L << 20, "a size such as 64mb, 512kb or 1gb", ClusterConfig::size);
  /** The size of one network buffer, the unit of flow control. */
  public static final Option<Long> TASKMANAGER_NETWORK_BUFFER_SIZE = Option.of("taskmanager.network.buffer-size",
      32L << 10, "a size such as 32kb", ClusterConfig::size);
  /** Where a process keeps its files: the JobManager the jars of submitted jobs, a TaskManager the jars it fetched. */
  public static final Option<Path> WORKING_DIRECTORY = Option.of("process.working-dir",
      Path.of(System.getProperty("java.io.tmpdir"), "weir"), "a folder path", Path::of);
  /**
   * The file this process's output goes to, which {@code GET /taskmanagers/{id}/logs} pages
   * through; empty: the process writes to its standard output only and serves no log.
   */
  public static final Option<String> LOG_FILE = Option.of("process.log-file", "", "a file path, or empty",
      text -> text);
  /** The folder savepoints are written under and restored from; REST calls name folders inside it. */
  public static final Option<Path> SAVEPOINTS_DIRECTORY = Option.of("savepoints.dir",
      Path.of(System.getProperty("java.io.tmpdir"), "weir", "savepoints"), "a folder path", Path::of);
  /**
   * The bearer token that REST calls which submit or change jobs must carry; unset: none is
   * needed, unless the REST API binds to an address other than loopback, where one is made up at
   * start and written to {@code rest-token} in the working folder.
   */
  public static final Option<String> REST_AUTH_TOKEN = Option.of("rest.auth.token", "", "a token of at least 16 characters",
      ClusterConfig::token);

  private static final List<Option<?>> OPTIONS = List.of(JOBMANAGER_HOST, JOBMANAGER_RPC_PORT, REST_PORT,
      HEARTBEAT_INTERVAL, HEARTBEAT_TIMEOUT, TASKMANAGER_HOST, TASKMANAGER_METRICS_PORT, TASKMANAGER_SLOTS,
      TASKMANAGER_RPC_PORT, TASKMANAGER_DATA_PORT, TASKMANAGER_WORKERS, TASKMANAGER_NETWORK_MEMORY,
      TASKMANAGER_NETWORK_BUFFER_SIZE, WORKING_DIRECTORY, LOG_FILE, SAVEPOINTS_DIRECTORY, REST_AUTH_TOKEN);
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private final Map<String, Object> values;

  private ClusterConfig(Map<String, Object> values) {
    this.values = values;
  }

  /** The defaults of every option. */
  public static ClusterConfig defaults() {
    return load(null, Map.of());
  }

  /**
   * The configuration of {@code file} (none if {@code null}) with {@code overrides} on top.
   *
   * @throws ConfigException naming the key and value at fault
   */
  public static ClusterConfig load(@Nullable Path file, Map<String, String> overrides) {
    Map<String, String> raw = new LinkedHashMap<>();
    if (file != null) {
      raw.putAll(readYaml(file));
    }
    Map<String, String> origins = new LinkedHashMap<>();
    raw.keySet().forEach(k -> origins.put(k, " in " + file));
    overrides.forEach((k, v) -> {
      raw.put(k, v);
      origins.put(k, " given as -D" + k);
    });
    Map<String, Option<?>> known = new TreeMap<>();
    OPTIONS.forEach(o -> known.put(o.key(), o));
    for (String key : raw.keySet()) {
      if (!known.containsKey(key)) {
        throw new ConfigException("Unknown configuration key '" + key + "'" + origins.get(key)
            + "; the known keys are " + String.join(", ", known.keySet()));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Option<?> option : OPTIONS) {
      String text = raw.get(option.key());
      values.put(option.key(), text == null ? option.defaultValue() : option.parse(text, origins.get(option.key())));
    }
    ClusterConfig config = new ClusterConfig(values);
    if (config.get(HEARTBEAT_TIMEOUT).compareTo(config.get(HEARTBEAT_INTERVAL)) <= 0) {
      throw new ConfigException("heartbeat.timeout (" + config.get(HEARTBEAT_TIMEOUT).toMillis()
          + " ms) must be longer than heartbeat.interval (" + config.get(HEARTBEAT_INTERVAL).toMillis()
          + " ms), or every heartbeat would come too late; raise the timeout or shorten the interval");
    }
    return config;
  }

  /** The value of {@code option}. */
  @SuppressWarnings("unchecked")
  public <T> T get(Option<T> option) {
    return (T) values.get(option.key());
  }

  /** This configuration with {@code option} set to {@code value}. */
  public <T> ClusterConfig with(Option<T> option, T value) {
    Map<String, Object> changed = new LinkedHashMap<>(values);
    changed.put(option.key(), value);
    return new ClusterConfig(changed);
  }

  private static Map<String, String> readYaml(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return flat; // an empty file
    }
    if (!root.isObject()) {
      throw new ConfigException("The configuration file " + file + " must hold a mapping of keys to values, "
          + "such as 'taskmanager.slots: 2'");
    }
    flatten("", root, flat, file);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat, Path file) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = prefix + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(key + ".", value, flat, file);
      } else if (value.isValueNode() && !value.isNull()) {
        flat.put(key, value.asText());
      } else {
        throw new ConfigException("Configuration key '" + key + "' in " + file
            + " must have a single value (a number, a word or a duration), not " + (value.isNull() ? "nothing" : "a list"));
      }
    }
  }

  private static String host(String text) {
    if (text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException();
    }
    return text;
  }

  private static Integer port(String text) {
    int port = Integer.parseInt(text.trim());
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException();
    }
    return port;
  }

  private static Integer count(String text) {
    return slots(text);
  }

  private static Long size(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(java.util.Locale.ROOT);
    long bytes = switch (unit) {
      case "kb" -> n << 10;
      case "mb" -> n << 20;
      case "gb" -> n << 30;
      default -> n;
    };
    if (bytes < 1024) {
      throw new IllegalArgumentException("below 1kb");
    }
    return bytes;
  }

  private static String token(String text) {
    if (!text.isEmpty() && text.length() < 16) {
      throw new IllegalArgumentException("too short");
    }
    return text;
  }

  private static Integer slots(String text) {
    int slots = Integer.parseInt(text.trim());
    if (slots < 1 || slots > 1024) {
      throw new IllegalArgumentException();
    }
    return slots;
  }

  private static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException();
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
    if (d.isZero()) {
      throw new IllegalArgumentException();
    }
    return d;
  }

  /**
   * One configuration key: its default, what its values look like (for error messages) and how
   * its text is read.
   *
   * @param <T> the value's type
   */
  public record Option<T>(String key, T defaultValue, String expected, Function<String, T> parser) {
    static <T> Option<T> of(String key, T defaultValue, String expected, Function<String, T> parser) {
      return new Option<>(key, defaultValue, expected, parser);
    }

    T parse(String text, String origin) {
      try {
        return parser.apply(text);
      } catch (RuntimeException e) {
        throw new ConfigException("Configuration key '" + key + "'" + origin + " has the value '" + text
            + "', which is not " + expected + " (the default is " + show(defaultValue) + ")");
      }
    }

    private static String show(Object value) {
      return value instanceof Duration d ? d.toMillis() + "ms" : String.valueOf(value);
    }
  }
}
