package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.checkpoint.SavepointRestoreSettings;
import weir.api.connector.sink.lib.DiscardingSink;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobClient;
import weir.api.environment.JobExecutionException;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.MapFunction;
import weir.api.tuple.Tuple2;
import weir.runtime.checkpoint.CheckpointStorage;
import weir.runtime.checkpoint.TaskSnapshot;
import weir.testing.faults.ExactlyOnceCheck;

/**
 * Unaligned checkpoints on a backpressured job: the barrier overtakes the records queued in the
 * exchanges, the checkpoint holds them, and a restore replays them, with exactly the output of a
 * run without failures.
 */
class UnalignedCheckpointIT {
  /** Slows the job down so that the exchanges before it fill up. */
  static final class Slow<T> implements MapFunction<T, T> {
    private final int recordsPerMilli;
    private transient long seen;

    Slow(int recordsPerMilli) {
      this.recordsPerMilli = recordsPerMilli;
    }

    @Override
    public T map(T value) throws Exception {
      if (++seen % recordsPerMilli == 0) {
        Thread.sleep(1);
      }
      return value;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 5})
  @Timeout(180)
  void unaligned_checkpoints_are_exactly_once_through_failures_under_backpressure(long alignmentTimeoutMillis)
      throws Exception {
    ExactlyOnceCheck.forJob((env, faults) -> {
          env.getConfig().setExchangeCapacity(64);
          return env
              .fromSource(new NumberSequenceSource(1, 40_000), WatermarkStrategy.<Long>noWatermarks(), "numbers")
              .map(faults.<Long>injector())
              .map(v -> Tuple2.of(v % 10, 1L))
              .keyBy(t -> t.f0())
              .sum("f1")
              .rebalance()
              .map(new Slow<Tuple2<Long, Long>>(200));
        })
        .parallelism(2)
        .seeds(1, 2, 3)
        .failuresPerRun(7)
        .maxRecordsBetweenFailures(12_000)
        .checkpointSettings(c -> c.enableUnalignedCheckpoints(true)
            .setAlignedCheckpointTimeout(Duration.ofMillis(alignmentTimeoutMillis)))
        .verify();
  }

  private static StreamExecutionEnvironment backpressuredJob(Path dir) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.getConfig().setExchangeCapacity(64);
    env.enableCheckpointing(Duration.ofHours(1)); // only the checkpoints the test triggers
    env.getCheckpointConfig().setCheckpointDirectory(dir).enableUnalignedCheckpoints(true);
    env.fromSource(new NumberSequenceSource(1, 2_000_000), WatermarkStrategy.<Long>noWatermarks(), "numbers")
        .keyBy(v -> v % 100)
        .map(new Slow<Long>(20))
        .uid("slow")
        .sinkTo(new DiscardingSink<>());
    return env;
  }

  @Test
  @Timeout(120)
  void a_checkpoint_under_backpressure_holds_the_records_queued_in_the_exchanges(@TempDir Path dir) throws Exception {
    JobClient client = backpressuredJob(dir).executeAsync("backpressured");
    Thread.sleep(300); // let the exchanges fill up
    long id = client.triggerCheckpoint().get(60, TimeUnit.SECONDS);
    client.cancel();
    CheckpointStorage.Loaded checkpoint = CheckpointStorage.loadFolder(dir.resolve(client.getJobId()).resolve("chk-" + id));
    long inFlight = 0;
    for (byte[] state : checkpoint.states().values()) {
      TaskSnapshot task = TaskSnapshot.fromBytes(state);
      for (byte[] channel : task.channels().inputs()) {
        inFlight += new DataInputStream(new ByteArrayInputStream(channel)).readInt();
      }
      for (byte[] channel : task.channels().outputs()) {
        inFlight += new DataInputStream(new ByteArrayInputStream(channel)).readInt();
      }
    }
    assertThat(inFlight).as("records in flight stored with the checkpoint").isGreaterThan(0);
  }

  @Test
  @Timeout(120)
  void an_unaligned_checkpoint_restores_only_at_the_same_parallelism(@TempDir Path dir) throws Exception {
    JobClient client = backpressuredJob(dir).executeAsync("backpressured");
    Thread.sleep(300);
    long id = client.triggerCheckpoint().get(60, TimeUnit.SECONDS);
    client.cancel();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(3);
    env.getConfig().setSavepointRestoreSettings(
        SavepointRestoreSettings.forPath(dir.resolve(client.getJobId()).resolve("chk-" + id), false));
    env.fromSource(new NumberSequenceSource(1, 2_000_000), WatermarkStrategy.<Long>noWatermarks(), "numbers")
        .keyBy(v -> v % 100)
        .map(new Slow<Long>(20))
        .uid("slow")
        .sinkTo(new DiscardingSink<>());
    assertThatThrownBy(() -> env.execute("rescaled"))
        .isInstanceOf(JobExecutionException.class)
        .rootCause()
        .hasMessageContaining("is unaligned")
        .hasMessageContaining("take a savepoint");
  }
}
