package weir.tests.checkpoint;

import java.io.Serializable;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.windows.TimeWindow;
import weir.testing.faults.ExactlyOnceCheck;

/**
 * Session windows through injected failures, with aligned and unaligned checkpoints: the session
 * operator's sessions, accumulators and timers come back from each checkpoint, so every session is
 * committed exactly once with exactly its records, as in a run without failures.
 *
 * <h3>Design of this test</h3>
 * Number {@code v} is an event of key {@code (v / 100) % 7 * 10 + v % 10} at {@code 2v} ms plus an
 * even jitter below 40 ms: a key gets ten events in a burst of 200 ms and is then silent for over a
 * second, longer than the 31 ms gap, so sessions close throughout the run; the jitter makes
 * records arrive out of order and bridge sessions that had formed apart. Each source subtask reads
 * its numbers in order with a watermark 40 ms behind, so no record is ever late, before or after a
 * restart (the watermark then starts again from the restored position). Timestamps are even and
 * the gap is odd, so no record can start exactly where a session that fired ended (it would join
 * it or not depending on when the watermark came): a session's result depends on the input
 * alone, whatever the order in which two subtasks' records meet. {@link WindowExactlyOnceIT} puts
 * aggregated sessions through failures too, but its sessions only grow; here records bridge
 * sessions that formed apart, so merges of accumulators are restored and replayed as well.
 */
class SessionWindowExactlyOnceIT {
  private static final long JITTER = 40;

  /** A session's result: key, bounds, number of events and the sum of their numbers. */
  public record Session(long key, long start, long end, long count, long sum) implements Serializable {}

  /** Counts and sums the numbers of a session. */
  static final class CountAndSum implements AggregateFunction<Long, long[], long[]> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Long v, long[] acc) {
      return new long[] {acc[0] + 1, acc[1] + v};
    }

    @Override
    public long[] getResult(long[] acc) {
      return acc;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }

  static final class WithSession extends ProcessWindowFunction<long[], Session, Long, TimeWindow> {
    @Override
    public void process(Long key, Context context, Iterable<long[]> results, Collector<Session> out) {
      long[] r = results.iterator().next();
      out.collect(new Session(key, context.window().getStart(), context.window().getEnd(), r[0], r[1]));
    }
  }

  @ParameterizedTest(name = "parallelism {0}, unaligned {1}")
  @CsvSource({"1, false", "2, false", "1, true", "2, true"})
  @Timeout(180)
  void when_the_job_fails_again_and_again_then_every_session_is_committed_once_with_its_records(int parallelism,
      boolean unaligned) throws Exception {
    ExactlyOnceCheck.forJob((env, faults) -> env
            .fromSource(new NumberSequenceSource(0, 59_999),
                WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(JITTER))
                    .withTimestampAssigner((v, ts) -> 2 * v + 2 * Math.floorMod(v * 0x9E3779B97F4A7C15L, JITTER / 2)),
                "numbers")
            .map(faults.<Long>injector())
            .keyBy(v -> (v / 100) % 7 * 10 + v % 10)
            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(31)))
            .aggregate(new CountAndSum(), new WithSession()))
        .parallelism(parallelism)
        .seeds(1, 2, 3, 4)
        .failuresPerRun(6)
        .maxRecordsBetweenFailures(15_000)
        .checkpointSettings(c -> c.enableUnalignedCheckpoints(unaligned))
        .verify();
  }
}
