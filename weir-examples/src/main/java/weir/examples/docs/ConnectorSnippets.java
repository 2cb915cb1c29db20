package weir.examples.docs;

import java.nio.file.Path;
import java.time.ZoneId;
import weir.api.connector.sink.lib.BucketAssigner;
import weir.api.connector.sink.lib.FileSink;
import weir.api.connector.sink.lib.OutputFileConfig;
import weir.api.connector.sink.lib.RollingPolicy;
import weir.api.connector.sink.lib.SimpleStringEncoder;
import weir.api.datastream.DataStream;

/**
 * The code shown in {@code docs/connectors.md}: each region between {@code [START name]} and
 * {@code [END name]} appears verbatim in the document (a test checks it).
 */
public final class ConnectorSnippets {
  private ConnectorSnippets() {}

  /** Writes {@code lines} exactly once into hourly directories below {@code directory}. */
  static FileSink<String> writeLines(DataStream<String> lines, Path directory) {
    // [START file-sink]
    FileSink<String> sink = FileSink.forRowFormat(directory, new SimpleStringEncoder<String>())
        .withBucketAssigner(BucketAssigner.dateTime("yyyy-MM-dd--HH", ZoneId.of("UTC")))
        .withRollingPolicy(RollingPolicy.onCheckpoint().withMaxPartSize(128L << 20))
        .withOutputFileConfig(OutputFileConfig.defaults().withPartSuffix(".txt"))
        .build();
    lines.sinkTo(sink);
    // [END file-sink]
    return sink;
  }
}
