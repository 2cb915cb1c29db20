package weir.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import weir.cluster.cli.WeirCli;
import weir.cluster.config.ClusterConfig;
import weir.cluster.config.ConfigException;

class ClusterConfigTest {
  @TempDir Path dir;

  @Test
  void when_nothing_is_configured_then_the_defaults_hold() {
    ClusterConfig config = ClusterConfig.defaults();
    assertThat(config.get(ClusterConfig.JOBMANAGER_RPC_PORT)).isEqualTo(6123);
    assertThat(config.get(ClusterConfig.HEARTBEAT_TIMEOUT)).isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(config.get(ClusterConfig.TASKMANAGER_SLOTS)).isEqualTo(1);
  }

  @Test
  void when_a_file_nests_or_dots_its_keys_then_both_read_alike_and_overrides_win() throws Exception {
    Path file = dir.resolve("weir.yaml");
    Files.writeString(file, """
        heartbeat:
          interval: 250ms
          timeout: 3s
        taskmanager.slots: 4
        rest.port: 9000
        """);
    ClusterConfig config = ClusterConfig.load(file, Map.of("rest.port", "9100"));
    assertThat(config.get(ClusterConfig.HEARTBEAT_INTERVAL)).isEqualTo(Duration.ofMillis(250));
    assertThat(config.get(ClusterConfig.HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.get(ClusterConfig.TASKMANAGER_SLOTS)).isEqualTo(4);
    assertThat(config.get(ClusterConfig.REST_PORT)).isEqualTo(9100);
  }

  @Test
  void when_a_key_is_unknown_then_the_error_names_it_and_lists_the_known_ones() throws Exception {
    Path file = dir.resolve("weir.yaml");
    Files.writeString(file, "taskmanager:\n  slotz: 4\n");
    assertThatThrownBy(() -> ClusterConfig.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown configuration key 'taskmanager.slotz' in " + file)
        .hasMessageContaining("taskmanager.slots");
  }

  @Test
  void when_a_value_has_the_wrong_form_then_the_error_names_the_key_the_value_and_the_form() {
    assertThatThrownBy(() -> ClusterConfig.load(null, Map.of("heartbeat.interval", "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'heartbeat.interval' given as -Dheartbeat.interval has the value 'soon'")
        .hasMessageContaining("a positive duration such as 500ms");
    assertThatThrownBy(() -> ClusterConfig.load(null, Map.of("taskmanager.slots", "0")))
        .hasMessageContaining("'taskmanager.slots'").hasMessageContaining("from 1 to 1024");
    assertThatThrownBy(() -> ClusterConfig.load(null, Map.of("rest.port", "70000")))
        .hasMessageContaining("'rest.port'").hasMessageContaining("0 to 65535");
  }

  @Test
  void when_the_heartbeat_timeout_is_not_longer_than_the_interval_then_the_start_is_refused() {
    assertThatThrownBy(() -> ClusterConfig.load(null, Map.of("heartbeat.interval", "2s", "heartbeat.timeout", "2s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("heartbeat.timeout (2000 ms) must be longer than heartbeat.interval (2000 ms)");
  }

  @Test
  void when_the_file_is_not_a_mapping_then_the_error_says_what_it_must_hold() throws Exception {
    Path file = dir.resolve("weir.yaml");
    Files.writeString(file, "- just\n- a list\n");
    assertThatThrownBy(() -> ClusterConfig.load(file, Map.of()))
        .hasMessageContaining("must hold a mapping of keys to values");
  }

  @Test
  void when_the_command_line_sets_a_bad_key_then_weir_exits_with_the_configuration_error_code() {
    StringWriter err = new StringWriter();
    CommandLine cli = WeirCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("jobmanager", "-Dheartbeat.timeout=forever");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("weir: Configuration key 'heartbeat.timeout'").contains("'forever'");
  }

  @Test
  void when_the_jobmanager_address_has_no_port_then_weir_says_what_form_it_needs() {
    StringWriter err = new StringWriter();
    CommandLine cli = WeirCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("taskmanager", "--jobmanager", "localhost");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--jobmanager must be HOST:PORT");
  }
}
