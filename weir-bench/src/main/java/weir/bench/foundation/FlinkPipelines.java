package weir.bench.foundation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nullable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The foundation pipelines on Apache Flink, run on the local MiniCluster that
 * {@link StreamExecutionEnvironment#getExecutionEnvironment()} starts inside this JVM.
 *
 * <p>Configuration: Flink defaults apart from the parallelism. In particular object reuse is OFF
 * (the default), so records are copied between chained operators where their serializer needs it
 * ({@code Long} is immutable and is not copied; {@code Tuple2} crossing the keyBy is serialized
 * anyway), and the default (hashmap, on-heap) state backend holds the keyed sums.
 *
 * <p>Source: {@code NumberSequenceSource(0, n-1)}, Flink's own bounded FLIP-27 source (its
 * enumerator wrapped to count completed checkpoints, {@link FlinkSequenceSource}), followed by a chained map that turns index {@code i} into the record via {@link Generator}.
 * The source emits boxed {@code Long}s from a plain iterator over its split (one split per
 * subtask), and the map is chained into the same task, so the generation step costs one virtual
 * call per record; a custom FLIP-27 source emitting the records directly would save only that call
 * and would be our own code rather than Flink's stock source, so the stock source is the fairer
 * choice. The generation map is "the first operator after the source" and takes the first-record
 * time stamp.
 *
 * <p>Timing: the shared {@link AtomicLong}s below work because the MiniCluster runs the tasks in
 * this JVM and, with no user jars, loads user classes from the application class loader.
 * <ul>
 *   <li>first record: each generation-map instance (one per subtask) does one
 *       {@code compareAndSet(0, nanoTime)} on its first record, so the earliest subtask wins;
 *   <li>end: the LAST RECORD REACHING THE SINK, not the return of {@code execute()}: each sink
 *       subtask stamps {@code nanoTime} in {@code flush(endOfInput = true)}, which Flink calls after
 *       the writer has received its final record, and the latest stamp over all subtasks is kept.
 *       This leaves out job tear-down and MiniCluster shutdown, which happen after that and before
 *       {@code execute()} returns.
 * </ul>
 *
 * <p>Checkpoints ({@link CheckpointSettings}): {@code enableCheckpointing(interval, EXACTLY_ONCE)}
 * (aligned), the hashmap state backend with filesystem checkpoint storage in the settings' folder,
 * other checkpoint options at their defaults (one retained checkpoint, no minimum pause), and the
 * fixed-delay restart strategy with delay 0.
 */
public final class FlinkPipelines implements PipelineRunner {

  static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();
  static final AtomicLong END_NANOS = new AtomicLong();
  static final AtomicLong SINK_COUNT = new AtomicLong();

  @Override
  public RunResult run(String pipeline, long records, int parallelism, @Nullable CheckpointSettings checkpoints)
      throws Exception {
    if (records < 1) {
      throw new IllegalArgumentException("records must be >= 1, got " + records);
    }
    FIRST_RECORD_NANOS.set(0);
    END_NANOS.set(0);
    SINK_COUNT.set(0);

    StreamExecutionEnvironment env = environment(parallelism, checkpoints);
    DataStream<Long> indices = indices(env, records);

    switch (pipeline) {
      case STATELESS -> buildStateless(indices);
      case KEYED -> runningSums(indices).sinkTo(new CountingDiscardingSink<>()).name("discard");
      default -> throw new IllegalArgumentException("unknown pipeline: " + pipeline);
    }

    long executeCalled = System.nanoTime();
    env.execute("foundation-" + pipeline);

    return RunResult.ofProbes(
        records, FIRST_RECORD_NANOS.get(), END_NANOS.get(), executeCalled, SINK_COUNT.get());
  }

  /**
   * The environment of a benchmark job: the local MiniCluster with {@code parallelism}, and
   * checkpoints as {@code checkpoints} say (none if {@code null}).
   */
  public static StreamExecutionEnvironment environment(
      int parallelism, @Nullable CheckpointSettings checkpoints) {
    Configuration config = new Configuration();
    if (checkpoints != null) {
      config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
      config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.directory().toUri().toString());
      config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      config.set(
          RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, CheckpointSettings.RESTARTS);
      config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(parallelism);
    if (checkpoints != null) {
      env.enableCheckpointing(checkpoints.interval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    }
    return env;
  }

  /** The indices 0 .. records-1, from the stock number sequence source. */
  public static DataStream<Long> indices(StreamExecutionEnvironment env, long records) {
    return env.fromSource(
        new FlinkSequenceSource(0, records - 1), WatermarkStrategy.noWatermarks(), "indices");
  }

  private static void buildStateless(DataStream<Long> indices) {
    indices
        .map(new StatelessRecord())
        .name("generate")
        .map(
            new MapFunction<Long, Long>() {
              @Override
              public Long map(Long x) {
                return Generator.statelessMap(x);
              }
            })
        .name("map")
        .filter(
            new FilterFunction<Long>() {
              @Override
              public boolean filter(Long x) {
                return Generator.statelessFilter(x);
              }
            })
        .name("filter")
        .sinkTo(new CountingDiscardingSink<>())
        .name("discard");
  }

  /**
   * The keyed pipeline up to its sink: index to record {@code (key, value)}, keyBy(key), and the
   * running sum of the values per key, one updated {@code (key, sum)} per record.
   */
  public static DataStream<Tuple2<Long, Long>> runningSums(DataStream<Long> indices) {
    return indices
        .map(new KeyedRecord())
        .name("generate")
        .keyBy(
            new KeySelector<Tuple2<Long, Long>, Long>() {
              @Override
              public Long getKey(Tuple2<Long, Long> r) {
                return r.f0;
              }
            })
        .reduce(
            new ReduceFunction<Tuple2<Long, Long>>() {
              @Override
              public Tuple2<Long, Long> reduce(Tuple2<Long, Long> acc, Tuple2<Long, Long> r) {
                return new Tuple2<>(acc.f0, acc.f1 + r.f1);
              }
            })
        .name("running-sum");
  }

  /** Stamps the first record seen by this subtask; one flag check per record afterwards. */
  private static void markFirst() {
    FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime());
  }

  /** Index to stateless record; the first operator after the source. */
  private static final class StatelessRecord implements MapFunction<Long, Long> {
    private transient boolean seen;

    @Override
    public Long map(Long i) {
      if (!seen) {
        seen = true;
        markFirst();
      }
      return Generator.longValue(i);
    }
  }

  /** Index to keyed record (key, value); the first operator after the source. */
  private static final class KeyedRecord implements MapFunction<Long, Tuple2<Long, Long>> {
    private transient boolean seen;

    @Override
    public Tuple2<Long, Long> map(Long i) {
      if (!seen) {
        seen = true;
        markFirst();
      }
      return new Tuple2<>(Generator.key(i), Generator.value(i));
    }
  }

  /**
   * Like Flink's {@code DiscardingSink}, but counts what it drops (a local {@code long} per
   * subtask, published once at the end) and stamps the time its last record arrived.
   */
  private static final class CountingDiscardingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new Writer<>();
    }

    private static final class Writer<T> extends FlinkEndOfInputWriter<T> {
      private long count;

      @Override
      public void write(T element, Context context) {
        count++;
      }

      @Override
      protected void endOfInput() {
        END_NANOS.accumulateAndGet(System.nanoTime(), Math::max);
        SINK_COUNT.addAndGet(count);
      }
    }
  }
}
