package weir.runtime.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weir.api.connector.sink.lib.DiscardingSink;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.runtime.task.StreamTask;

/**
 * The records in and out of every operator, inside chains and at both ends of an exchange, with
 * a side output: what monitoring reports per operator.
 */
class OperatorCountsTest {
  private static final OutputTag<Long> FOURS = OutputTag.of("fours", Long.class);

  /** Passes every record on, and the multiples of 4 also to a side output. */
  static final class Split extends KeyedProcessFunction<Long, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Long value, Context<Long> ctx, Collector<Long> out) {
      out.collect(value);
      if (value % 4 == 0) {
        ctx.output(FOURS, value);
      }
    }
  }

  @Test
  void when_a_job_ends_then_each_operator_counts_the_records_it_took_and_emitted() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    var split = env.fromSequence(1, 3_000).name("numbers")
        .map(x -> x * 2).name("double")
        .filter(x -> x % 3 != 0).name("not threes")
        .keyBy(x -> x % 10)
        .process(new Split()).name("split");
    split.sinkTo(new DiscardingSink<>()).name("all");
    split.getSideOutput(FOURS).sinkTo(new DiscardingSink<>()).name("fours");
    JobRun job = (JobRun) env.executeAsync("operator-counts");
    job.await();

    Map<String, long[]> byName = new HashMap<>();
    for (StreamTask.Stats subtask : job.taskStats()) {
      for (StreamTask.OperatorCounts op : subtask.operators()) {
        long[] sum = byName.computeIfAbsent(op.name(), n -> new long[2]);
        sum[0] += op.recordsIn();
        sum[1] += op.recordsOut();
      }
    }
    // 1..3000 doubled; 2000 are not multiples of 3, and 1000 of those are multiples of 4
    assertThat(byName).containsOnlyKeys("numbers", "double", "not threes", "split", "all", "fours");
    assertThat(byName.get("numbers")).containsExactly(0, 3_000);
    assertThat(byName.get("double")).containsExactly(3_000, 3_000);
    assertThat(byName.get("not threes")).containsExactly(3_000, 2_000);
    assertThat(byName.get("split")).containsExactly(2_000, 3_000);
    assertThat(byName.get("all")).containsExactly(2_000, 0);
    assertThat(byName.get("fours")).containsExactly(1_000, 0);
  }
}
