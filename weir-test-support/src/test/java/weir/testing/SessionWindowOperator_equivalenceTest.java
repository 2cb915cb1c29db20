package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static weir.testing.WindowTests.describe;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weir.api.datastream.OutputTag;
import weir.api.datastream.WindowedStream;
import weir.api.functions.Collector;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.MergingWindowAssigner;
import weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.windows.TimeWindow;
import weir.runtime.window.SessionWindowOperator;
import weir.testing.WindowTests.Count;
import weir.testing.WindowTests.CountOfWindow;

/**
 * The session operator against the general window operator, which follows Flink's algorithm: the
 * same random records, watermarks and clock moves go into both, a session window counting with
 * an aggregate (the session operator) and one counting all elements with a process function (the
 * general operator), and after every step both must have emitted the same results with the same
 * timestamps and the same late records. Sessions merge, grow, fire late and are discarded after
 * their allowed lateness as the scenario happens to make them.
 */
class SessionWindowOperator_equivalenceTest {
  private static final OutputTag<String> LATE = OutputTag.of("late", String.class);
  private static final String[] KEYS = {"a", "b", "c", "d"};
  private static final int STEPS = 400;

  enum Time { EVENT, EVENT_GAP_PER_RECORD, PROCESSING }

  /** Counts the elements of a window: the general operator's way to the session operator's result. */
  static final class CountAll extends ProcessWindowFunction<String, String, String, TimeWindow> {
    @Override
    public void process(String key, Context context, Iterable<String> elements, Collector<String> out) {
      long n = 0;
      for (String ignored : elements) {
        n++;
      }
      out.collect(key + describe(context.window()) + "=" + n);
    }
  }

  static Stream<Arguments> scenarios() {
    return IntStream.rangeClosed(1, 40).boxed()
        .flatMap(seed -> Stream.of(Time.values()).map(time -> Arguments.of(time, (long) seed)));
  }

  @ParameterizedTest(name = "{0} time, seed {1}")
  @MethodSource("scenarios")
  void when_random_steps_go_into_both_operators_then_every_step_emits_the_same(Time time, long seed) throws Exception {
    Random random = new Random(seed);
    long gap = 1 + random.nextInt(20);
    long lateness = List.of(0L, 0L, 5L, 40L).get(random.nextInt(4));
    MergingWindowAssigner<? super String, TimeWindow> assigner = switch (time) {
      case EVENT -> EventTimeSessionWindows.withGap(ofMillis(gap));
      case EVENT_GAP_PER_RECORD -> EventTimeSessionWindows.withDynamicGap(SessionWindowOperator_equivalenceTest::gapOf);
      case PROCESSING -> ProcessingTimeSessionWindows.withGap(ofMillis(gap));
    };
    String scenario = time + " time, seed " + seed + ", gap " + gap + ", lateness " + lateness;
    try (var sessions = WindowTests.keyed(s -> windowed(s.window(assigner), lateness)
            .aggregate(new Count(), new CountOfWindow<>()));
        var general = WindowTests.keyed(s -> windowed(s.window(assigner), lateness).process(new CountAll()))) {
      long now = 0;
      long watermark = Long.MIN_VALUE;
      for (int step = 0; step < STEPS; step++) {
        int kind = random.nextInt(10);
        String what;
        if (kind < 7) {
          // around the current time: mostly ahead of the watermark, sometimes behind it
          long t = Math.max(0, now + random.nextInt(30) - 15);
          String record = KEYS[random.nextInt(KEYS.length)] + "@" + t + "~" + (1 + random.nextInt(20));
          WindowTests.feed(sessions, record);
          WindowTests.feed(general, record);
          what = "record " + record;
        } else if (time == Time.PROCESSING) {
          now += random.nextInt(12);
          sessions.setProcessingTime(now);
          general.setProcessingTime(now);
          what = "processing time " + now;
        } else {
          watermark = Math.max(watermark, now - random.nextInt(20));
          sessions.processWatermark(watermark);
          general.processWatermark(watermark);
          what = "watermark " + watermark;
        }
        if (time != Time.PROCESSING) {
          now += random.nextInt(4);
        }
        assertThat(sessions.outputWithTimestamps()).as("%s, step %d: %s", scenario, step, what)
            .containsExactlyInAnyOrderElementsOf(general.outputWithTimestamps());
        sessions.takeOutput();
        general.takeOutput();
      }
      if (time == Time.PROCESSING) {
        sessions.setProcessingTime(Long.MAX_VALUE);
        general.setProcessingTime(Long.MAX_VALUE);
      } else {
        sessions.processWatermark(Long.MAX_VALUE);
        general.processWatermark(Long.MAX_VALUE);
      }
      assertThat(sessions.outputWithTimestamps()).as("%s, at the end", scenario)
          .containsExactlyInAnyOrderElementsOf(general.outputWithTimestamps());
      assertThat(sessions.sideOutput(LATE)).as(scenario).isEqualTo(general.sideOutput(LATE));
      assertThat(sessions.keyCount(SessionWindowOperator.SESSIONS_STATE)).as(scenario).isZero();
    }
  }

  private static <K> WindowedStream<String, K, TimeWindow> windowed(WindowedStream<String, K, TimeWindow> stream,
      long lateness) {
    return stream.allowedLateness(ofMillis(lateness)).sideOutputLateData(LATE);
  }

  private static long gapOf(String record) {
    return Long.parseLong(record.substring(record.indexOf('~') + 1));
  }
}
