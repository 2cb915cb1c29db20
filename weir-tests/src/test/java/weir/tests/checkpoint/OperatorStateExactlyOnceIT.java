package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.BroadcastStream;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.AbstractRichFunction;
import weir.api.functions.Collector;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.KeyedBroadcastProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.CheckpointedFunction;
import weir.api.state.FunctionInitializationContext;
import weir.api.state.FunctionSnapshotContext;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapStateDescriptor;
import weir.testing.faults.ExactlyOnceCheck;
import weir.tests.support.Pace;
import weir.tests.support.SharedCounter;

/**
 * Operator state and broadcast state under injected failures give exactly the output of a run
 * without failures.
 *
 * <h3>Design of this test</h3>
 * Both jobs read 160 000 numbers at parallelism 2 and fail seven times per faulty run, three
 * runs each: an injector fails its subtask after at most 10 000 of that subtask's records per
 * attempt, and each subtask reads 80 000, so every attempt up to the seventh ends in a failure.
 * The jobs are slowed down (a millisecond every 100 records; a source task takes a checkpoint
 * between batches of about 4 000 records) so that checkpoints complete between the failures;
 * the functions count the restores that found state, and the test asserts that there were
 * some, so the restarts did not all begin afresh.
 *
 * <ul>
 *   <li>The batching job keeps records in operator list state until a batch is full (at every
 *       multiple of 100) and emits each batch's first and last number, size and sum. Each source
 *       split is a contiguous range ending at a multiple of 100 and read in order, so the
 *       batches are the same in every run; a buffered record lost or replayed twice after a
 *       restore changes a batch's size and sum.
 *   <li>The join job keys the numbers by their last digit and joins each with the factor of its
 *       digit from a broadcast stream of ten rules. A number whose rule has not arrived waits in
 *       keyed list state, and the rule, when it comes, releases the waiting numbers of its digit
 *       through {@code applyToKeyedState}; so every number is joined once with its factor,
 *       whatever the order of the two inputs. The rules are read at the start and never again: a
 *       restore that lost the broadcast state would leave numbers waiting forever.
 * </ul>
 */
class OperatorStateExactlyOnceIT {
  private static final long NUMBERS = 160_000;
  private static final int BATCH = 100;

  /** A full batch: its first and last number, its size and its sum. */
  public record Batch(long first, long last, int size, long sum) {}

  /** Buffers numbers in operator list state and emits a batch at every multiple of {@link #BATCH}. */
  static final class Batching extends AbstractRichFunction
      implements FlatMapFunction<Long, Batch>, CheckpointedFunction {
    private final List<Long> buffer = new ArrayList<>();
    private final SharedCounter restoresWithState;
    private transient ListState<Long> checkpointed;

    Batching(SharedCounter restoresWithState) {
      this.restoresWithState = restoresWithState;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      checkpointed = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffer", Long.class));
      buffer.clear();
      checkpointed.get().forEach(buffer::add);
      if (!buffer.isEmpty()) {
        restoresWithState.increment();
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      checkpointed.update(buffer);
    }

    @Override
    public void flatMap(Long value, Collector<Batch> out) {
      buffer.add(value);
      if (value % BATCH == 0) {
        long sum = 0;
        for (long v : buffer) {
          sum += v;
        }
        out.collect(new Batch(buffer.get(0), value, buffer.size(), sum));
        buffer.clear();
      }
    }
  }

  /** The factor numbers ending in {@code digit} are multiplied with. */
  public record Rule(int digit, long factor) {}

  /** A number and its product with the factor of its last digit. */
  public record Joined(long number, long product) {}

  static final MapStateDescriptor<Integer, Long> FACTORS =
      new MapStateDescriptor<>("factors", Integer.class, Long.class);

  /**
   * Joins each number with its digit's factor, keeping it waiting until the rule has come. As a
   * checkpointed function it sees the broadcast state at its start, through the operator state
   * store, and counts the restores that found rules there.
   */
  static final class JoinWithFactor extends KeyedBroadcastProcessFunction<Integer, Long, Rule, Joined>
      implements CheckpointedFunction {
    static final ListStateDescriptor<Long> WAITING = new ListStateDescriptor<>("waiting", Long.class);
    private final SharedCounter restoresWithState;
    private transient ListState<Long> waiting;

    JoinWithFactor(SharedCounter restoresWithState) {
      this.restoresWithState = restoresWithState;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      if (context.getOperatorStateStore().getBroadcastState(FACTORS).iterator().hasNext()) {
        restoresWithState.increment();
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      waiting = context.getListState(WAITING);
    }

    @Override
    public void processElement(Long number, ReadOnlyContext<Integer> ctx, Collector<Joined> out) throws Exception {
      Long factor = ctx.getBroadcastState(FACTORS).get(ctx.getCurrentKey());
      if (factor == null) {
        waiting.add(number);
      } else {
        out.collect(new Joined(number, number * factor));
      }
    }

    @Override
    public void processBroadcastElement(Rule rule, Context<Integer> ctx, Collector<Joined> out) throws Exception {
      ctx.getBroadcastState(FACTORS).put(rule.digit(), rule.factor());
      ctx.applyToKeyedState(WAITING, (digit, numbers) -> {
        if (digit == rule.digit()) {
          for (long number : numbers.get()) {
            out.collect(new Joined(number, number * rule.factor()));
          }
          numbers.clear();
        }
      });
    }
  }

  private static ExactlyOnceCheck<?> withFailures(ExactlyOnceCheck<?> check) {
    return check.parallelism(2).seeds(1, 2, 3).failuresPerRun(7).maxRecordsBetweenFailures(10_000)
        .checkpointInterval(Duration.ofMillis(10));
  }

  /** The numbers, slowed down, with this run's failure injector. */
  private static DataStream<Long> numbers(StreamExecutionEnvironment env, ExactlyOnceCheck.Faults faults) {
    return env.fromSource(new NumberSequenceSource(1, NUMBERS), WatermarkStrategy.<Long>noWatermarks(), "numbers")
        .map(new Pace(100))
        .map(faults.<Long>injector());
  }

  @Test
  @Timeout(300)
  void batching_in_operator_list_state_is_exactly_once_through_injected_failures() throws Exception {
    try (SharedCounter restoresWithState = new SharedCounter()) {
      long injected = withFailures(ExactlyOnceCheck.forJob((env, faults) -> numbers(env, faults)
          .flatMap(new Batching(restoresWithState)))).verify();
      assertThat(injected).isGreaterThanOrEqualTo(20);
      assertThat(restoresWithState.get()).isPositive();
    }
  }

  @Test
  @Timeout(300)
  void keyed_broadcast_join_is_exactly_once_through_injected_failures() throws Exception {
    try (SharedCounter restoresWithState = new SharedCounter()) {
      long injected = withFailures(ExactlyOnceCheck.forJob((env, faults) -> {
        List<Rule> rules = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
          rules.add(new Rule(digit, 1_000 + digit));
        }
        BroadcastStream<Rule> factors = env.fromData(rules).broadcast(FACTORS);
        return numbers(env, faults)
            .keyBy(n -> (int) (n % 10))
            .connect(factors)
            .process(new JoinWithFactor(restoresWithState));
      })).verify();
      assertThat(injected).isGreaterThanOrEqualTo(20);
      assertThat(restoresWithState.get()).isPositive();
    }
  }
}
