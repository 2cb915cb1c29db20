package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import weir.api.environment.JobClient;
import weir.api.environment.JobExecutionException;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.testing.CollectingSink;

/** Sources of string values on the test broker and the running and cancelling of the jobs reading them. */
final class KafkaJobs {
  private KafkaJobs() {}

  /** A source of the topics' values as strings, from the earliest offsets, unbounded. */
  static KafkaSourceBuilder<String> stringSource(String... topics) throws Exception {
    return KafkaSource.<String>builder()
        .bootstrapServers(KafkaBroker.bootstrapServers())
        .topics(topics)
        .deserializer(KafkaRecordDeserializationSchema.valueOnly(ValueFormat.string()));
  }

  /** An embedded environment that checkpoints every {@code interval} into {@code dir}. */
  static StreamExecutionEnvironment checkpointing(int parallelism, Duration interval, Path dir) {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(interval);
    env.getCheckpointConfig().setCheckpointDirectory(dir);
    return env;
  }

  /** Runs a job that only reads the bounded {@code source} into a sink; returns what the job read once it ended. */
  static <T> List<T> readToEnd(KafkaSource<T> source, int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (CollectingSink<T> sink = CollectingSink.create()) {
      env.fromSource(source, WatermarkStrategy.noWatermarks(), source.getProducedType(), "kafka").sinkTo(sink);
      env.execute("read to end");
      return sink.records();
    }
  }

  /** Cancels a running job and waits until it ended cancelled. */
  static void cancel(JobClient job) {
    job.cancel();
    assertThatThrownBy(() -> job.await(Duration.ofSeconds(30)))
        .isInstanceOf(JobExecutionException.class).hasMessageContaining("cancelled");
  }
}
