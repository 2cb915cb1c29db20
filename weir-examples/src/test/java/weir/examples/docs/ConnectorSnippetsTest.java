package weir.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weir.api.connector.sink.lib.FileSink;
import weir.api.datastream.StreamExecutionEnvironment;

class ConnectorSnippetsTest {
  @TempDir Path dir;

  @Test
  void when_a_stream_gets_the_file_sink_then_the_sink_passes_the_serializability_check() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    FileSink<String> sink = ConnectorSnippets.writeLines(env.fromElements("a", "b"), dir);
    assertThat(sink.basePath()).isEqualTo(dir);
  }
}
