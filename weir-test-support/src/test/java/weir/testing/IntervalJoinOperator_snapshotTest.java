package weir.testing;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.functions.Collector;
import weir.api.functions.KeySelector;
import weir.api.functions.ProcessJoinFunction;

/**
 * The interval join keeps its buffers and their clean-up timers in the snapshot: a restored join
 * pairs buffered records with new ones and forgets them when it should, at the same parallelism
 * and spread over two subtasks (see {@link SnapshotRoundTrip}).
 */
class IntervalJoinOperator_snapshotTest {
  private static final KeySelector<String, String> KEY = WindowTests::key;

  /** Emits "left+right". */
  static final class Pair extends ProcessJoinFunction<String, String, String> {
    @Override
    public void processElement(String left, String right, Context ctx, Collector<String> out) {
      out.collect(left + "+" + right);
    }
  }

  @Test
  void when_records_are_buffered_then_a_restored_join_pairs_them_with_later_records_and_cleans_them_up()
      throws Exception {
    // right records join a left one from 2 ms before to 5 ms after it
    SnapshotRoundTrip.twoInput(() -> FunctionTestHarness.forIntervalJoin(KEY, KEY, Duration.ofMillis(-2),
                Duration.ofMillis(5))
            .process(new Pair()))
        .verify(List.of("L a@10", "L b@11", "R c@12", "L d@12", "R e@13", "L f@14", "R g@14", "L h@15",
                "R a@11", "wm 9", "L c@13", "R b@16"),
            List.of("R a@12", "R a@15", "L e@14", "R b@13", "R d@17", "L g@16", "R f@18", "wm 12",
                "R h@17", "L c@14", "R a@16", "wm 15", "R f@19", "L e@20"));
  }
}
