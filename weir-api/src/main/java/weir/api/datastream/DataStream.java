package weir.api.datastream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.annotation.Nullable;
import weir.api.annotation.Public;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.lib.CollectSink;
import weir.api.connector.sink.lib.PrintSink;
import weir.api.environment.CloseableIterator;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.environment.JobExecutionException;
import weir.api.functions.FilterFunction;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.Function;
import weir.api.functions.KeySelector;
import weir.api.functions.MapFunction;
import weir.api.functions.ProcessFunction;
import weir.api.graph.OneInputTransformation;
import weir.api.graph.OperatorSpec;
import weir.api.graph.PartitionTransformation;
import weir.api.graph.Partitioning;
import weir.api.graph.SideOutputTransformation;
import weir.api.graph.SinkTransformation;
import weir.api.graph.Transformation;
import weir.api.graph.UnionTransformation;
import weir.api.state.MapStateDescriptor;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.windows.Window;

/**
 * A stream of records of type {@code T}: the result of a source or a transformation. Calls on it
 * add transformations to the job; nothing runs until the environment executes.
 *
 * <p>The setters ({@link #name}, {@link #uid}, {@link #setParallelism}, {@link #returns}, {@link
 * #blocking}) apply to the transformation that produced this stream and return it, so they chain
 * after the call that created it: {@code stream.map(f).name("parse").setParallelism(4)}.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Public
public class DataStream<T> {
  protected final StreamExecutionEnvironment env;
  protected final Transformation<T> transformation;

  public DataStream(StreamExecutionEnvironment env, Transformation<T> transformation) {
    this.env = env;
    this.transformation = transformation;
  }

  /** The environment this stream belongs to. */
  public StreamExecutionEnvironment getExecutionEnvironment() {
    return env;
  }

  /** The transformation that produces this stream. */
  public Transformation<T> getTransformation() {
    return transformation;
  }

  /** The type of the records. */
  public TypeInfo<T> getType() {
    return transformation.getOutputType();
  }

  // ---- settings of the producing transformation ----

  /** Names the operator that produces this stream, as shown in logs, errors and metrics. */
  public DataStream<T> name(String name) {
    transformation.setName(name);
    return this;
  }

  /** Sets a stable id for the producing operator, matching its state across job versions. */
  public DataStream<T> uid(String uid) {
    transformation.setUid(uid);
    return this;
  }

  /** Sets the parallelism of the producing operator. */
  public DataStream<T> setParallelism(int parallelism) {
    transformation.setParallelism(parallelism);
    return this;
  }

  /** Declares the output type when it cannot be derived from the function. */
  public DataStream<T> returns(TypeInfo<T> type) {
    transformation.setOutputType(TypeInference.checked(env, type));
    return this;
  }

  /** Declares the output class when it cannot be derived from the function. */
  public DataStream<T> returns(Class<T> type) {
    return returns(TypeInfo.of(type));
  }

  /**
   * Marks the producing operator as one whose user code blocks (remote calls, sleeps): it gets a
   * thread of its own instead of sharing the cooperative workers.
   */
  public DataStream<T> blocking() {
    transformation.setBlocking(true);
    return this;
  }

  // ---- record-at-a-time transformations ----

  /** Transforms each record into one record. */
  public <R> DataStream<R> map(MapFunction<T, R> mapper) {
    return oneInput("Map", mapper, new OperatorSpec.Map(mapper),
        TypeInference.output(env, mapper, MapFunction.class, 1));
  }

  /** Transforms each record into zero or more records. */
  public <R> DataStream<R> flatMap(FlatMapFunction<T, R> flatMapper) {
    return oneInput("FlatMap", flatMapper, new OperatorSpec.FlatMap(flatMapper),
        TypeInference.output(env, flatMapper, FlatMapFunction.class, 1));
  }

  /** Keeps the records the filter accepts. */
  public DataStream<T> filter(FilterFunction<T> filter) {
    return oneInput("Filter", filter, new OperatorSpec.Filter(filter), getType());
  }

  /** Processes each record with a context that offers side outputs. */
  public <R> DataStream<R> process(ProcessFunction<T, R> function) {
    return oneInput("Process", function, new OperatorSpec.Process(function),
        TypeInference.output(env, function, ProcessFunction.class, 1));
  }

  /**
   * Gives the stream event time mid-stream: each subtask assigns timestamps with {@code
   * strategy}'s assigner and generates watermarks with its own generator, replacing the
   * watermarks that arrive from upstream. Prefer a strategy on the source, where watermarks are
   * generated per split.
   */
  public DataStream<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
    SerializabilityCheck.check(strategy, "watermark strategy of assignTimestampsAndWatermarks");
    OneInputTransformation<T, T> t = new OneInputTransformation<>(env.newId(), "Timestamps/Watermarks", getType(),
        transformation, new OperatorSpec.AssignTimestamps(strategy), keySelector());
    return new DataStream<>(env, t);
  }

  /** The records that the producing process function emitted to {@code tag}. */
  public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
    return new DataStream<>(env, new SideOutputTransformation<>(env.newId(), transformation, tag));
  }

  <R> DataStream<R> oneInput(String name, Function function, OperatorSpec spec, TypeInfo<R> type) {
    SerializabilityCheck.check(function, "function of operator '" + name + "'");
    OneInputTransformation<T, R> t =
        new OneInputTransformation<>(env.newId(), name, type, transformation, spec, keySelector());
    return new DataStream<>(env, t);
  }

  /** The key selector operators on this stream run with; {@code null} on non-keyed streams. */
  @Nullable
  KeySelector<T, ?> keySelector() {
    return null;
  }

  // ---- windows ----

  /**
   * Cuts the whole stream, not split by key, into the windows {@code assigner} puts records in.
   * Each window sees records of all subtasks, so the window operator runs with parallelism 1:
   * prefer {@code keyBy(...).window(...)} where the computation can be split by key.
   */
  public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
    return new AllWindowedStream<>(this, assigner);
  }

  // ---- partitioning ----

  /** Partitions by key: records with equal keys go to the same subtask, which keeps their state. */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
    SerializabilityCheck.check(keySelector, "key selector of keyBy after '" + transformation.getName() + "'");
    return new KeyedStream<>(env, partition(new Partitioning.Keyed(keySelector)), keySelector);
  }

  /** Distributes records round robin over all consumer subtasks. */
  public DataStream<T> rebalance() {
    return new DataStream<>(env, partition(new Partitioning.Rebalance()));
  }

  /** Distributes records round robin over a local subset of consumer subtasks. */
  public DataStream<T> rescale() {
    return new DataStream<>(env, partition(new Partitioning.Rescale()));
  }

  /** Sends every record to every consumer subtask. */
  public DataStream<T> broadcast() {
    return new DataStream<>(env, partition(new Partitioning.Broadcast()));
  }

  /**
   * Sends every record to every subtask of the operator this stream is connected to, which keeps
   * the broadcast states {@code descriptors} (the broadcast state pattern): connect the result to
   * another stream with {@link #connect(BroadcastStream)}.
   *
   * <pre>{@code
   * MapStateDescriptor<String, Rule> rules = new MapStateDescriptor<>("rules", String.class, Rule.class);
   * BroadcastStream<Rule> ruleStream = ruleUpdates.broadcast(rules);
   * events.keyBy(Event::user).connect(ruleStream).process(new ApplyRules());
   * }</pre>
   *
   * @param descriptors the broadcast states, each with a name of its own; none has a time-to-live
   * @throws InvalidProgramException if two descriptors share a name or one has a time-to-live
   */
  public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... descriptors) {
    Set<String> names = new HashSet<>();
    for (MapStateDescriptor<?, ?> d : descriptors) {
      if (d == null) {
        throw new InvalidProgramException("broadcast(...) after '" + transformation.getName()
            + "' got a null state descriptor; pass a MapStateDescriptor per broadcast state");
      }
      if (!names.add(d.getName())) {
        throw new InvalidProgramException("broadcast(...) after '" + transformation.getName()
            + "' got two state descriptors named '" + d.getName() + "'; give each broadcast state its own name");
      }
      if (d.getTtlConfig() != null) {
        throw new InvalidProgramException("The broadcast state '" + d.getName() + "' has a time-to-live, which"
            + " broadcast state does not support; use a descriptor without enableTimeToLive(...)");
      }
      TypeInference.checked(env, d.getKeyType());
      TypeInference.checked(env, d.getValueType());
    }
    return new BroadcastStream<>(env, partition(new Partitioning.Broadcast()), List.of(descriptors));
  }

  /** Sends each record to a random consumer subtask. */
  public DataStream<T> shuffle() {
    return new DataStream<>(env, partition(new Partitioning.Shuffle()));
  }

  /** Sends subtask i's records to consumer subtask i; needs equal parallelism. */
  public DataStream<T> forward() {
    return new DataStream<>(env, partition(new Partitioning.Forward()));
  }

  /** Sends every record to the first consumer subtask. */
  public DataStream<T> global() {
    return new DataStream<>(env, partition(new Partitioning.Global()));
  }

  private Transformation<T> partition(Partitioning partitioning) {
    return new PartitionTransformation<>(env.newId(), transformation, partitioning);
  }

  // ---- combining streams ----

  /** Merges this stream with others of the same type. */
  @SafeVarargs
  public final DataStream<T> union(DataStream<T>... others) {
    List<Transformation<T>> inputs = new ArrayList<>();
    inputs.add(transformation);
    for (DataStream<T> other : others) {
      inputs.add(other.transformation);
    }
    return new DataStream<>(env, new UnionTransformation<>(env.newId(), inputs));
  }

  /**
   * Starts a window join with {@code other}: pairs of records with equal keys in the same window
   * are joined. This stream is the left input, {@code other} the right one.
   *
   * <pre>{@code
   * orders.join(payments).where(Order::id).equalTo(Payment::orderId)
   *     .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
   *     .apply((order, payment) -> order.id() + " paid " + payment.amount());
   * }</pre>
   *
   * @param <R> the right input's type
   * @see JoinedStreams
   */
  public <R> JoinedStreams<T, R> join(DataStream<R> other) {
    return new JoinedStreams<>(this, other);
  }

  /**
   * Starts a window coGroup with {@code other}: per key and window, the records of both streams
   * are evaluated together, also when one side has none. This stream is the left input,
   * {@code other} the right one.
   *
   * @param <R> the right input's type
   * @see CoGroupedStreams
   */
  public <R> CoGroupedStreams<T, R> coGroup(DataStream<R> other) {
    return new CoGroupedStreams<>(this, other, "window coGroup");
  }

  /** Connects this stream with another, possibly of another type, for a two-input function. */
  public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
    return new ConnectedStreams<>(env, this, other);
  }

  /**
   * Connects this stream with a broadcast stream, for a broadcast process function: a {@link
   * weir.api.functions.KeyedBroadcastProcessFunction} when this stream is keyed, else a {@link
   * weir.api.functions.BroadcastProcessFunction}.
   */
  public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
    return new BroadcastConnectedStream<>(env, this, broadcastStream);
  }

  // ---- sinks ----

  /** Writes the stream to a sink. */
  public DataStreamSink<T> sinkTo(Sink<T> sink) {
    return sinkTo(sink, "Sink");
  }

  DataStreamSink<T> sinkTo(Sink<T> sink, String name) {
    SerializabilityCheck.check(sink, "sink '" + name + "'");
    SinkTransformation<T> t = new SinkTransformation<>(env.newId(), name, transformation, sink);
    env.addSink(t);
    return new DataStreamSink<>(t);
  }

  /** Prints each record to standard output. */
  public DataStreamSink<T> print() {
    return sinkTo(new PrintSink<>(), "Print");
  }

  /** Prints each record to standard output, each line prefixed with {@code identifier}. */
  public DataStreamSink<T> print(String identifier) {
    return sinkTo(new PrintSink<>(identifier, false), "Print");
  }

  /**
   * Runs the job (with this stream as an extra sink) and iterates over this stream's records as
   * they arrive. Close the iterator to cancel the job early.
   */
  public CloseableIterator<T> executeAndCollect() throws JobExecutionException {
    return executeAndCollect("Collect job");
  }

  /** Like {@link #executeAndCollect()}, naming the job. */
  public CloseableIterator<T> executeAndCollect(String jobName) throws JobExecutionException {
    String id = UUID.randomUUID().toString();
    sinkTo(new CollectSink<>(id), "Collect").setParallelism(1);
    return env.executeAndCollect(jobName, id);
  }

  /** Runs the job and returns all records of this stream once it has finished (bounded jobs). */
  public List<T> executeAndCollectAll() throws JobExecutionException {
    List<T> result = new ArrayList<>();
    try (CloseableIterator<T> it = executeAndCollect()) {
      it.forEachRemaining(result::add);
    }
    return result;
  }

  /** Runs the job and returns the first {@code limit} records, then cancels the job. */
  public List<T> executeAndCollect(int limit) throws JobExecutionException {
    List<T> result = new ArrayList<>(limit);
    try (CloseableIterator<T> it = executeAndCollect()) {
      while (result.size() < limit && it.hasNext()) {
        result.add(it.next());
      }
    }
    return result;
  }
}
