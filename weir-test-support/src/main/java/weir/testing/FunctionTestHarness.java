package weir.testing;

import java.time.Duration;
import java.util.Map;
import weir.api.connector.sink.Sink;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.CoProcessFunction;
import weir.api.functions.FilterFunction;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.KeySelector;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.ProcessFunction;
import weir.api.functions.ProcessJoinFunction;
import weir.api.graph.OneInputTransformation;
import weir.api.graph.OperatorSpec;
import weir.api.graph.PartitionTransformation;
import weir.api.graph.Transformation;
import weir.api.typeinfo.TypeInfo;
import weir.runtime.operators.CoProcessOperator;
import weir.runtime.operators.FilterOperator;
import weir.runtime.operators.FlatMapOperator;
import weir.runtime.operators.IntervalJoinOperator;
import weir.runtime.operators.KeyedCoProcessOperator;
import weir.runtime.operators.KeyedProcessOperator;
import weir.runtime.operators.MapOperator;
import weir.runtime.operators.OneInputOperator;
import weir.runtime.operators.ProcessOperator;
import weir.runtime.operators.SinkOperator;
import weir.runtime.operators.TwoInputOperator;
import weir.runtime.window.WindowOperators;

/**
 * Builds a step-by-step harness around a user function: the real runtime operator that a job
 * would run the function in, opened and ready for records. Each factory has a variant that
 * takes {@link SubtaskSettings}; without them the harness plays the only subtask of an operator
 * with the default max parallelism.
 *
 * <pre>{@code
 * var harness = FunctionTestHarness.forKeyedProcess(new CountPerKey(), (String word) -> word);
 * harness.processElement("a");
 * harness.processElement("a");
 * assertThat(harness.output()).containsExactly(1L, 2L);
 * assertThat(harness.<Long>keyedState("count", "a")).isEqualTo(2L);
 * }</pre>
 *
 * <p>The function instance is used as given, not copied, so a test can look at its fields
 * afterwards. For a one-call check with expected output see {@link TestSupport}.
 *
 * @since 0.1
 */
public final class FunctionTestHarness {
  private FunctionTestHarness() {}

  /** A harness around a {@link MapOperator}. */
  public static <I, O> OneInputHarness<I, O> forMap(MapFunction<I, O> function) throws Exception {
    return forMap(function, SubtaskSettings.single());
  }

  /** A harness around a {@link MapOperator} playing the given subtask. */
  public static <I, O> OneInputHarness<I, O> forMap(MapFunction<I, O> function, SubtaskSettings settings)
      throws Exception {
    return oneInput("Map", settings, false, f -> new MapOperator<>(function, f.context, f.output));
  }

  /** A harness around a {@link FlatMapOperator}. */
  public static <I, O> OneInputHarness<I, O> forFlatMap(FlatMapFunction<I, O> function) throws Exception {
    return forFlatMap(function, SubtaskSettings.single());
  }

  /** A harness around a {@link FlatMapOperator} playing the given subtask. */
  public static <I, O> OneInputHarness<I, O> forFlatMap(FlatMapFunction<I, O> function, SubtaskSettings settings)
      throws Exception {
    return oneInput("FlatMap", settings, false, f -> new FlatMapOperator<>(function, f.context, f.output));
  }

  /** A harness around a {@link FilterOperator}. */
  public static <T> OneInputHarness<T, T> forFilter(FilterFunction<T> function) throws Exception {
    return forFilter(function, SubtaskSettings.single());
  }

  /** A harness around a {@link FilterOperator} playing the given subtask. */
  public static <T> OneInputHarness<T, T> forFilter(FilterFunction<T> function, SubtaskSettings settings)
      throws Exception {
    return oneInput("Filter", settings, false, f -> new FilterOperator<>(function, f.context, f.output));
  }

  /** A harness around a {@link ProcessOperator}. */
  public static <I, O> OneInputHarness<I, O> forProcess(ProcessFunction<I, O> function) throws Exception {
    return forProcess(function, SubtaskSettings.single());
  }

  /** A harness around a {@link ProcessOperator} playing the given subtask. */
  public static <I, O> OneInputHarness<I, O> forProcess(ProcessFunction<I, O> function, SubtaskSettings settings)
      throws Exception {
    return oneInput("Process", settings, false, f -> new ProcessOperator<>(function, f.context, f.output));
  }

  /** A harness around a {@link KeyedProcessOperator} with keyed state. */
  public static <K, I, O> OneInputHarness<I, O> forKeyedProcess(
      KeyedProcessFunction<K, I, O> function, KeySelector<I, K> keySelector) throws Exception {
    return forKeyedProcess(function, keySelector, SubtaskSettings.single());
  }

  /** A harness around a {@link KeyedProcessOperator} with keyed state, playing the given subtask. */
  public static <K, I, O> OneInputHarness<I, O> forKeyedProcess(
      KeyedProcessFunction<K, I, O> function, KeySelector<I, K> keySelector, SubtaskSettings settings)
      throws Exception {
    return oneInput("KeyedProcess", settings, true,
        f -> new KeyedProcessOperator<>(function, keySelector, f.context, f.output));
  }

  /** A harness around a {@link CoProcessOperator}. */
  public static <A, B, O> TwoInputHarness<A, B, O> forCoProcess(CoProcessFunction<A, B, O> function)
      throws Exception {
    return forCoProcess(function, SubtaskSettings.single());
  }

  /** A harness around a {@link CoProcessOperator} playing the given subtask. */
  public static <A, B, O> TwoInputHarness<A, B, O> forCoProcess(
      CoProcessFunction<A, B, O> function, SubtaskSettings settings) throws Exception {
    return twoInput("CoProcess", settings, false, f -> new CoProcessOperator<>(function, f.context, f.output));
  }

  /** A harness around a {@link KeyedCoProcessOperator}: records of both inputs share their key's state. */
  public static <K, A, B, O> TwoInputHarness<A, B, O> forKeyedCoProcess(KeyedCoProcessFunction<K, A, B, O> function,
      KeySelector<A, K> keySelector1, KeySelector<B, K> keySelector2) throws Exception {
    return forKeyedCoProcess(function, keySelector1, keySelector2, SubtaskSettings.single());
  }

  /** A harness around a {@link KeyedCoProcessOperator} playing the given subtask. */
  public static <K, A, B, O> TwoInputHarness<A, B, O> forKeyedCoProcess(KeyedCoProcessFunction<K, A, B, O> function,
      KeySelector<A, K> keySelector1, KeySelector<B, K> keySelector2, SubtaskSettings settings) throws Exception {
    return twoInput("KeyedCoProcess", settings, true,
        f -> new KeyedCoProcessOperator<>(function, keySelector1, keySelector2, f.context, f.output));
  }

  /**
   * Starts a harness around an {@link IntervalJoinOperator}, the operator of {@code
   * left.intervalJoin(right).between(lowerBound, upperBound)}: set the options the join has in
   * the API on the returned builder, then pass the function to {@link IntervalJoinBuilder#process}.
   *
   * <pre>{@code
   * var harness = FunctionTestHarness.forIntervalJoin((Order o) -> o.customer(), (Click c) -> c.customer(),
   *         Duration.ofMillis(-10), Duration.ZERO)
   *     .upperBoundExclusive()
   *     .process(new EnrichOrder());
   * harness.processElement2(click, 95);
   * harness.processElement1(order, 100);
   * }</pre>
   *
   * @param leftKey the key of the first input's records
   * @param rightKey the key of the second input's records
   * @param lowerBound the offset from a left record's timestamp of the earliest right record it joins
   * @param upperBound the offset from a left record's timestamp of the latest right record it joins
   * @throws IllegalArgumentException if {@code lowerBound} is greater than {@code upperBound}
   */
  public static <K, L, R> IntervalJoinBuilder<K, L, R> forIntervalJoin(KeySelector<L, K> leftKey,
      KeySelector<R, K> rightKey, Duration lowerBound, Duration upperBound) {
    return new IntervalJoinBuilder<>(leftKey, rightKey, lowerBound.toMillis(), upperBound.toMillis());
  }

  /**
   * The options of an interval join under test, as {@code IntervalJoined} offers them in the API.
   *
   * @param <K> the key type
   * @param <L> the first (left) input's type
   * @param <R> the second (right) input's type
   * @since 0.1
   */
  public static final class IntervalJoinBuilder<K, L, R> {
    private final KeySelector<L, K> leftKey;
    private final KeySelector<R, K> rightKey;
    private SubtaskSettings settings = SubtaskSettings.single();
    private final long lowerBound;
    private final long upperBound;
    private boolean lowerBoundInclusive = true;
    private boolean upperBoundInclusive = true;
    private OutputTag<L> leftLateDataTag;
    private OutputTag<R> rightLateDataTag;

    private IntervalJoinBuilder(KeySelector<L, K> leftKey, KeySelector<R, K> rightKey, long lowerBound,
        long upperBound) {
      this.leftKey = leftKey;
      this.rightKey = rightKey;
      this.lowerBound = lowerBound;
      this.upperBound = upperBound;
    }

    /** Right records exactly {@code lowerBound} from a left one do not join it. */
    public IntervalJoinBuilder<K, L, R> lowerBoundExclusive() {
      lowerBoundInclusive = false;
      return this;
    }

    /** Right records exactly {@code upperBound} from a left one do not join it. */
    public IntervalJoinBuilder<K, L, R> upperBoundExclusive() {
      upperBoundInclusive = false;
      return this;
    }

    /** Late left records go to the side output {@code tag} instead of being dropped. */
    public IntervalJoinBuilder<K, L, R> sideOutputLeftLateData(OutputTag<L> tag) {
      leftLateDataTag = tag;
      return this;
    }

    /** Late right records go to the side output {@code tag} instead of being dropped. */
    public IntervalJoinBuilder<K, L, R> sideOutputRightLateData(OutputTag<R> tag) {
      rightLateDataTag = tag;
      return this;
    }

    /** The harness plays the given subtask instead of the only one. */
    public IntervalJoinBuilder<K, L, R> settings(SubtaskSettings subtask) {
      settings = subtask;
      return this;
    }

    /** The harness, open, with {@code function} handling the joined pairs. */
    public <O> TwoInputHarness<L, R, O> process(ProcessJoinFunction<L, R, O> function) throws Exception {
      OperatorSpec.IntervalJoin spec = new OperatorSpec.IntervalJoin(function, lowerBound, upperBound,
          lowerBoundInclusive, upperBoundInclusive, leftLateDataTag, rightLateDataTag);
      return twoInput("IntervalJoin", settings, true,
          f -> new IntervalJoinOperator<>(spec, leftKey, rightKey, f.context, f.output));
    }
  }

  /**
   * A harness around a {@link SinkOperator} with the writer {@code sink} creates for the subtask;
   * {@link OperatorHarness#endInput()} flushes the writer and {@link OperatorHarness#close()}
   * closes it.
   */
  public static <T> OneInputHarness<T, Void> forSink(Sink<T> sink) throws Exception {
    return forSink(sink, SubtaskSettings.single());
  }

  /** A harness around a {@link SinkOperator} playing the given subtask. */
  public static <T> OneInputHarness<T, Void> forSink(Sink<T> sink, SubtaskSettings settings) throws Exception {
    return oneInput("Sink", settings, false, f -> new SinkOperator<>("Sink", sink.createWriter(f.writerInitContext()),
        committingOf(sink, settings), null, false));
  }

  /** A two-phase sink's committing side, committing at the end of input as a job without checkpoints does. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static weir.runtime.sink.SinkCommitting<Object> committingOf(Sink<?> sink, SubtaskSettings settings)
      throws java.io.IOException {
    if (!(sink instanceof weir.api.connector.sink.SupportsCommitter committable)) {
      return null;
    }
    weir.api.connector.sink.Committer<Object> committer = committable.createCommitter(
        new weir.api.connector.sink.CommitterInitContext() {
          @Override
          public String getJobName() {
            return "harness";
          }

          @Override
          public int getSubtaskIndex() {
            return settings.subtaskIndex();
          }

          @Override
          public int getParallelism() {
            return settings.parallelism();
          }

          @Override
          public int getAttemptNumber() {
            return 0;
          }
        });
    return new weir.runtime.sink.SinkCommitting<>("Sink", committer, committable.getCommittableSerializer());
  }

  /**
   * A harness around the window operator of the windowed stream that {@code windowing} builds
   * from a stream of {@code inputType}: the operator a job would run, with the spec's own
   * assigner, trigger, evictor, lateness, late-data tag and functions, keyed by the stream's key
   * selector ({@code windowAll} by its constant key). Feed records with their timestamps, move
   * event time with {@link OperatorHarness#processWatermark} and processing time with
   * {@link OperatorHarness#setProcessingTime}:
   *
   * <pre>{@code
   * var harness = FunctionTestHarness.forWindow(Bid.class, bids -> bids
   *     .keyBy(Bid::auction)
   *     .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
   *     .reduce(Bid::higher));
   * harness.processElement(new Bid("a", 3), 1_000);
   * harness.processWatermark(9_999);
   * assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of(new Bid("a", 3), 9_999));
   * }</pre>
   *
   * <p>The window's state is inspectable through {@link OperatorHarness#keyCount}; its contents
   * are named {@code WindowOperator.CONTENTS_STATE}, except for session windows with a reduce or
   * aggregate and the default trigger, whose sessions are named {@code
   * SessionWindowOperator.SESSIONS_STATE} (one entry per key).
   *
   * @param windowing builds the windowed stream; it may only key the input before windowing it,
   *     since the harness feeds its records straight into the window operator
   * @throws IllegalArgumentException if {@code windowing} does not end with a window operation
   *     right after keying
   */
  public static <T, R> OneInputHarness<T, R> forWindow(
      Class<T> inputType, java.util.function.Function<DataStream<T>, DataStream<R>> windowing) throws Exception {
    return forWindow(TypeInfo.of(inputType), windowing, SubtaskSettings.single());
  }

  /** Like {@link #forWindow(Class, java.util.function.Function)}, for a generic input type and the given subtask. */
  public static <T, R> OneInputHarness<T, R> forWindow(TypeInfo<T> inputType,
      java.util.function.Function<DataStream<T>, DataStream<R>> windowing, SubtaskSettings settings)
      throws Exception {
    return forWindow(inputType, windowing, settings, Map.of());
  }

  /**
   * Like {@link #forWindow(TypeInfo, java.util.function.Function, SubtaskSettings)}, for an
   * operator restored from the keyed state and timers that {@link
   * OperatorHarness#snapshotKeyedState} took from one or more harnesses, as a job restores a
   * checkpoint: the subtask takes the key groups it owns, so {@code settings} may have another
   * parallelism than the harnesses snapshotted had. As after a restore in a job, the operator's
   * watermark starts from the beginning of time.
   *
   * @param restoredKeyGroups snapshots by key group; merge those of several subtasks with {@code putAll}
   */
  @SuppressWarnings("unchecked")
  public static <T, R> OneInputHarness<T, R> forWindow(TypeInfo<T> inputType,
      java.util.function.Function<DataStream<T>, DataStream<R>> windowing, SubtaskSettings settings,
      Map<Integer, byte[]> restoredKeyGroups) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    // a source that is never run: it only gives the windowing function a stream of the input type
    DataStream<T> input = env.fromSource(new DataGeneratorSource<T>(index -> null, 0), inputType, "input");
    Transformation<R> windowed = windowing.apply(input).getTransformation();
    if (!(windowed instanceof OneInputTransformation<?, ?> window)
        || !(window.getOperation() instanceof OperatorSpec.Window spec)) {
      throw new IllegalArgumentException("forWindow needs a function that ends with a window operation"
          + " (reduce, aggregate, process or apply of a windowed stream), but it ends with '" + windowed.getName() + "'");
    }
    Transformation<?> before = window.getInput();
    while (before instanceof PartitionTransformation<?> partition) {
      before = partition.getInput();
    }
    if (before != input.getTransformation()) {
      throw new IllegalArgumentException("forWindow feeds records straight into the window operator, so the function"
          + " may only key the input before windowing it, but it applies '" + before.getName() + "' first");
    }
    KeySelector<T, Object> keySelector = (KeySelector<T, Object>) window.getKeySelector();
    return oneInput(windowed.getName(), settings, true, restoredKeyGroups,
        f -> WindowOperators.create(new java.util.HashMap<>(), "window", spec, keySelector, f.context, f.output));
  }

  /** Builds the operator of one subtask. */
  @FunctionalInterface
  private interface OperatorFactory<P, O> {
    P create(SubtaskFixture<O> fixture) throws Exception;
  }

  private static <I, O> OneInputHarness<I, O> oneInput(String name, SubtaskSettings settings, boolean keyed,
      OperatorFactory<OneInputOperator<I>, O> factory) throws Exception {
    return oneInput(name, settings, keyed, Map.of(), factory);
  }

  private static <I, O> OneInputHarness<I, O> oneInput(String name, SubtaskSettings settings, boolean keyed,
      Map<Integer, byte[]> restoredKeyGroups, OperatorFactory<OneInputOperator<I>, O> factory) throws Exception {
    SubtaskFixture<O> fixture = new SubtaskFixture<>(name, settings, keyed, restoredKeyGroups);
    OneInputHarness<I, O> harness = new OneInputHarness<>(factory.create(fixture), fixture);
    harness.open();
    return harness;
  }

  private static <A, B, O> TwoInputHarness<A, B, O> twoInput(String name, SubtaskSettings settings, boolean keyed,
      OperatorFactory<TwoInputOperator<A, B>, O> factory) throws Exception {
    SubtaskFixture<O> fixture = new SubtaskFixture<>(name, settings, keyed, Map.of());
    TwoInputHarness<A, B, O> harness = new TwoInputHarness<>(factory.create(fixture), fixture);
    harness.open();
    return harness;
  }
}
