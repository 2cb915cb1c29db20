package weir.testing;

import java.time.Duration;
import java.util.List;
import weir.api.connector.sink.Sink;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.BroadcastProcessFunction;
import weir.api.functions.CoProcessFunction;
import weir.api.functions.FilterFunction;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.KeySelector;
import weir.api.functions.KeyedBroadcastProcessFunction;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.ProcessFunction;
import weir.api.functions.ProcessJoinFunction;
import weir.api.graph.OneInputTransformation;
import weir.api.graph.OperatorSpec;
import weir.api.graph.PartitionTransformation;
import weir.api.graph.Transformation;
import weir.api.graph.UnionTransformation;
import weir.api.state.MapStateDescriptor;
import weir.api.typeinfo.TypeInfo;
import weir.runtime.operators.BroadcastProcessOperator;
import weir.runtime.operators.CoProcessOperator;
import weir.runtime.operators.FilterOperator;
import weir.runtime.operators.FlatMapOperator;
import weir.runtime.operators.IntervalJoinOperator;
import weir.runtime.operators.KeyedBroadcastProcessOperator;
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
 * afterwards; an operator restored from a snapshot (see {@link SubtaskSnapshot}) gets copies.
 * For a one-call check with expected output see {@link TestSupport}.
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
        f -> new KeyedProcessOperator<>(f.userCode(function), f.userCode(keySelector), f.context, f.output));
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
        f -> new KeyedCoProcessOperator<>(f.userCode(function), f.userCode(keySelector1), f.userCode(keySelector2),
            f.context, f.output));
  }

  /**
   * A harness around a {@link BroadcastProcessOperator}: {@link TwoInputHarness#processElement1}
   * feeds the non-broadcast input, {@link TwoInputHarness#processElement2} the broadcast one.
   *
   * @param broadcastStates the descriptors a job would give to {@code broadcast(...)}
   */
  public static <A, B, O> TwoInputHarness<A, B, O> forBroadcastProcess(BroadcastProcessFunction<A, B, O> function,
      MapStateDescriptor<?, ?>... broadcastStates) throws Exception {
    return forBroadcastProcess(function, SubtaskSettings.single(), broadcastStates);
  }

  /** A harness around a {@link BroadcastProcessOperator} playing the given subtask. */
  public static <A, B, O> TwoInputHarness<A, B, O> forBroadcastProcess(BroadcastProcessFunction<A, B, O> function,
      SubtaskSettings settings, MapStateDescriptor<?, ?>... broadcastStates) throws Exception {
    return twoInput("BroadcastProcess", settings, false,
        f -> new BroadcastProcessOperator<>(function, List.of(broadcastStates), f.context, f.output));
  }

  /**
   * A harness around a {@link KeyedBroadcastProcessOperator} with keyed state and timers: {@link
   * TwoInputHarness#processElement1} feeds the keyed input, {@link
   * TwoInputHarness#processElement2} the broadcast one.
   *
   * @param broadcastStates the descriptors a job would give to {@code broadcast(...)}
   */
  public static <K, A, B, O> TwoInputHarness<A, B, O> forKeyedBroadcastProcess(
      KeyedBroadcastProcessFunction<K, A, B, O> function, KeySelector<A, K> keySelector,
      MapStateDescriptor<?, ?>... broadcastStates) throws Exception {
    return forKeyedBroadcastProcess(function, keySelector, SubtaskSettings.single(), broadcastStates);
  }

  /** A harness around a {@link KeyedBroadcastProcessOperator} playing the given subtask. */
  public static <K, A, B, O> TwoInputHarness<A, B, O> forKeyedBroadcastProcess(
      KeyedBroadcastProcessFunction<K, A, B, O> function, KeySelector<A, K> keySelector, SubtaskSettings settings,
      MapStateDescriptor<?, ?>... broadcastStates) throws Exception {
    return twoInput("KeyedBroadcastProcess", settings, true, f -> new KeyedBroadcastProcessOperator<>(function,
        List.of(broadcastStates), keySelector, f.context, f.output));
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
          f -> new IntervalJoinOperator<>(f.userCode(spec), f.userCode(leftKey), f.userCode(rightKey), f.context,
              f.output));
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
  @SuppressWarnings("unchecked")
  public static <T, R> OneInputHarness<T, R> forWindow(TypeInfo<T> inputType,
      java.util.function.Function<DataStream<T>, DataStream<R>> windowing, SubtaskSettings settings)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    DataStream<T> input = unrunSource(env, inputType, "input");
    OneInputTransformation<?, R> window = windowOf(windowing.apply(input), "forWindow");
    Transformation<?> before = unkeyed(window.getInput());
    if (before != input.getTransformation()) {
      throw new IllegalArgumentException("forWindow feeds records straight into the window operator, so the function"
          + " may only key the input before windowing it, but it applies '" + before.getName() + "' first");
    }
    OperatorSpec.Window spec = (OperatorSpec.Window) window.getOperation();
    KeySelector<T, Object> keySelector = (KeySelector<T, Object>) window.getKeySelector();
    return oneInput(window.getName(), settings, true,
        f -> WindowOperators.create(new java.util.HashMap<>(), "window", f.userCode(spec), f.userCode(keySelector),
            f.context, f.output));
  }

  /**
   * A harness around the window operator of the window join or coGroup that {@code joining}
   * builds from a stream of {@code leftType} and one of {@code rightType}: records of the first
   * input go in with {@code processElement1}, of the second with {@code processElement2}, each
   * tagged with its side as the job would, into the operator a job would run:
   *
   * <pre>{@code
   * var harness = FunctionTestHarness.forWindowJoin(Order.class, Payment.class, (orders, payments) -> orders
   *     .join(payments)
   *     .where(Order::id).equalTo(Payment::orderId)
   *     .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
   *     .apply(new PaidOrder()));
   * harness.processElement1(new Order("o1"), 1_000);
   * harness.processElement2(new Payment("o1", 5), 2_000);
   * harness.processWatermark(59_999);
   * }</pre>
   *
   * @param joining builds the join or coGroup right on the two streams it is given
   * @throws IllegalArgumentException if {@code joining} does not end with the window of a join or
   *     coGroup of the two streams
   */
  public static <L, R, O> TwoInputHarness<L, R, O> forWindowJoin(Class<L> leftType, Class<R> rightType,
      java.util.function.BiFunction<DataStream<L>, DataStream<R>, DataStream<O>> joining) throws Exception {
    return forWindowJoin(TypeInfo.of(leftType), TypeInfo.of(rightType), joining, SubtaskSettings.single());
  }

  /** Like {@link #forWindowJoin(Class, Class, java.util.function.BiFunction)}, for generic types and the given subtask. */
  @SuppressWarnings("unchecked")
  public static <L, R, O> TwoInputHarness<L, R, O> forWindowJoin(TypeInfo<L> leftType, TypeInfo<R> rightType,
      java.util.function.BiFunction<DataStream<L>, DataStream<R>, DataStream<O>> joining, SubtaskSettings settings)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    DataStream<L> left = unrunSource(env, leftType, "left");
    DataStream<R> right = unrunSource(env, rightType, "right");
    OneInputTransformation<?, O> window = windowOf(joining.apply(left, right), "forWindowJoin");
    // a join or coGroup tags each side's records with a map, unions the two and keys the union
    if (!(unkeyed(window.getInput()) instanceof UnionTransformation<?> union) || union.getInputs().size() != 2) {
      throw new IllegalArgumentException("forWindowJoin needs the window of a join or coGroup of the two streams it"
          + " is given, but '" + window.getName() + "' windows another stream");
    }
    MapFunction<L, Object> leftTagger = taggerOf(union.getInputs().get(0), left);
    MapFunction<R, Object> rightTagger = taggerOf(union.getInputs().get(1), right);
    OperatorSpec.Window spec = (OperatorSpec.Window) window.getOperation();
    KeySelector<Object, Object> keySelector = (KeySelector<Object, Object>) window.getKeySelector();
    return twoInput(window.getName(), settings, true, f -> new TaggingInputs<L, R>(
        WindowOperators.create(new java.util.HashMap<>(), "window", f.userCode(spec), f.userCode(keySelector),
            f.context, f.output),
        f.userCode(leftTagger), f.userCode(rightTagger)));
  }

  /** A source that is never run: it only gives the function under test a stream of {@code type}. */
  private static <T> DataStream<T> unrunSource(StreamExecutionEnvironment env, TypeInfo<T> type, String name) {
    return env.fromSource(new DataGeneratorSource<T>(index -> null, 0), type, name);
  }

  /** The window transformation {@code stream} ends with, for the harness factory {@code factory}. */
  private static <R> OneInputTransformation<?, R> windowOf(DataStream<R> stream, String factory) {
    Transformation<R> last = stream.getTransformation();
    if (!(last instanceof OneInputTransformation<?, R> window) || !(window.getOperation() instanceof OperatorSpec.Window)) {
      throw new IllegalArgumentException(factory + " needs a function that ends with a window operation"
          + " (reduce, aggregate, process or apply of a windowed stream), but it ends with '" + last.getName() + "'");
    }
    return window;
  }

  /** {@code t} without the partitionings (keyBy) on top of it. */
  private static Transformation<?> unkeyed(Transformation<?> t) {
    while (t instanceof PartitionTransformation<?> partition) {
      t = partition.getInput();
    }
    return t;
  }

  /** The map that tags the records of {@code side} for a join or coGroup. */
  @SuppressWarnings("unchecked")
  private static <T> MapFunction<T, Object> taggerOf(Transformation<?> tagging, DataStream<T> side) {
    if (tagging instanceof OneInputTransformation<?, ?> map && map.getOperation() instanceof OperatorSpec.Map spec
        && map.getInput() == side.getTransformation()) {
      return (MapFunction<T, Object>) spec.function();
    }
    throw new IllegalArgumentException("forWindowJoin feeds the records of each stream straight into the join, so the"
        + " function must join the two streams it is given, but it applies '" + tagging.getName() + "' to one first");
  }

  /** Builds the operator of one subtask; used again for each restore of a harness. */
  @FunctionalInterface
  interface OperatorFactory<P, O> {
    P create(SubtaskFixture<O> fixture) throws Exception;
  }

  private static <I, O> OneInputHarness<I, O> oneInput(String name, SubtaskSettings settings, boolean keyed,
      OperatorFactory<OneInputOperator<I>, O> factory) throws Exception {
    OneInputHarness<I, O> harness = new OneInputHarness<>(factory, new SubtaskFixture<>(name, settings, keyed, null));
    harness.open();
    return harness;
  }

  private static <A, B, O> TwoInputHarness<A, B, O> twoInput(String name, SubtaskSettings settings, boolean keyed,
      OperatorFactory<TwoInputOperator<A, B>, O> factory) throws Exception {
    TwoInputHarness<A, B, O> harness = new TwoInputHarness<>(factory, new SubtaskFixture<>(name, settings, keyed, null));
    harness.open();
    return harness;
  }
}
