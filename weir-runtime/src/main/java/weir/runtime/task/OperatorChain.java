package weir.runtime.task;

import java.time.Duration;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.sink.Committer;
import weir.api.connector.sink.CommitterInitContext;
import weir.api.connector.sink.SupportsCommitter;
import weir.api.connector.sink.SupportsWriterState;
import weir.runtime.sink.SinkCommitting;

import javax.annotation.Nullable;
import weir.api.typeinfo.DynamicSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeExtractor;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;
import weir.runtime.checkpoint.TaskRestore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalLong;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;
import weir.api.connector.sink.lib.CollectSink;
import weir.api.datastream.OutputTag;
import weir.api.functions.KeySelector;
import weir.api.graph.OperatorSpec;
import weir.runtime.exchange.RecordWriter;
import weir.runtime.graph.JobVertex;
import weir.runtime.graph.StreamEdge;
import weir.runtime.graph.StreamNode;
import weir.runtime.graph.UserCode;
import weir.runtime.operators.BroadcastProcessOperator;
import weir.runtime.operators.BroadcastingOutput;
import weir.runtime.operators.ChainingOutput;
import weir.runtime.operators.CountedOutput;
import weir.runtime.operators.WriterOutput;
import weir.runtime.operators.CoProcessOperator;
import weir.runtime.operators.DiscardingOutput;
import weir.runtime.operators.FilterOperator;
import weir.runtime.operators.FlatMapOperator;
import weir.runtime.operators.IntervalJoinOperator;
import weir.runtime.operators.KeyedBroadcastProcessOperator;
import weir.runtime.operators.KeyedCoProcessOperator;
import weir.runtime.operators.KeyedProcessOperator;
import weir.runtime.operators.MapOperator;
import weir.runtime.operators.OneInputOperator;
import weir.runtime.operators.OperatorContext;
import weir.runtime.operators.Operators;
import weir.runtime.operators.Output;
import weir.runtime.operators.ProcessOperator;
import weir.runtime.operators.RoutingOutput;
import weir.runtime.operators.SinkOperator;
import weir.runtime.operators.StreamOperator;
import weir.runtime.operators.TimestampsAndWatermarksOperator;
import weir.runtime.time.ProcessingTimers;
import weir.runtime.time.RecordTimestamp;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.KeyGroups;
import weir.runtime.state.OperatorStateBackend;
import weir.runtime.state.WatermarkClock;
import weir.runtime.window.WindowOperators;

/**
 * The operators of one subtask, wired by direct calls: built from the vertex's nodes, last
 * first, so that each operator's output already exists when it is created. A source head has no
 * operator of its own; its output is {@link #sourceOutput()}.
 */
final class OperatorChain {
  private final Map<Integer, StreamOperator> operators = new HashMap<>();
  private final Map<Integer, Output<?>> outputs = new HashMap<>();
  private final Map<Integer, HeapKeyedStateBackend> backends = new HashMap<>();
  private final Map<Integer, OperatorStateBackend> operatorStates = new HashMap<>();
  private final List<StreamOperator> inOrder = new ArrayList<>();
  // per node, the outputs whose counts add up to its records in (its chained in-edges) and out
  // (one edge of its main output and one per side output: every edge of an output sees each record)
  private final Map<Integer, List<CountedOutput>> countedIn = new HashMap<>();
  private final Map<Integer, List<CountedOutput>> countedOut = new HashMap<>();
  private final JobVertex vertex;

  private final Map<Integer, UserCode> userCode;
  private final Map<String, Class<?>> copies;
  private final RecordTimestamp timestamp = new RecordTimestamp();
  private final ProcessingTimers processingTimers = new ProcessingTimers();

  /**
   * @param d the subtask's deployment
   * @param userCode the subtask's own user objects by node id, so user functions are not shared
   */
  OperatorChain(TaskDeployment d, Map<Integer, UserCode> userCode) throws Exception {
    this.vertex = d.vertex();
    this.userCode = userCode;
    this.copies = d.specializedClasses();
    List<StreamNode> nodes = vertex.operators();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      StreamNode node = nodes.get(i);
      Output<?> output = outputOf(node, d.writers());
      outputs.put(node.id(), output);
      if (node.kind() != StreamNode.Kind.SOURCE) {
        operators.put(node.id(), create(node, output, d));
      }
    }
    for (StreamNode node : nodes) {
      StreamOperator op = operators.get(node.id());
      if (op != null) {
        inOrder.add(op);
      }
    }
  }

  /** The keyed state backend of the node {@code nodeId}, or {@code null} when it is not keyed. */
  @Nullable
  HeapKeyedStateBackend backendOf(int nodeId) {
    return backends.get(nodeId);
  }

  /** The operator state backend of the node {@code nodeId}; absent for a source head. */
  @Nullable
  OperatorStateBackend operatorStateOf(int nodeId) {
    return operatorStates.get(nodeId);
  }

  /** The operator of the node {@code nodeId}; absent for a source head. */
  @Nullable
  StreamOperator operatorOf(int nodeId) {
    return operators.get(nodeId);
  }

  /** The keys' serializer for snapshots: from the key selector's type, else one that names each key's class. */
  @SuppressWarnings("unchecked")
  private static TypeSerializer<Object> keySerializerOf(@Nullable KeySelector<?, ?> selector, SerializerConfig config) {
    if (selector != null) {
      try {
        TypeInfo<?> type = TypeExtractor.outputTypeOf(selector, KeySelector.class, 1, config);
        if (!type.isUnknown()) {
          return (TypeSerializer<Object>) type.createSerializer(config);
        }
      } catch (RuntimeException e) {
        // the type cannot be told from the selector: keys are written with their class names
      }
    }
    return new DynamicSerializer<>(config);
  }

  /** The operators, head first. */
  List<StreamOperator> operators() {
    return inOrder;
  }

  /** The head operator; absent for a source head. */
  StreamOperator head() {
    return operators.get(vertex.head().id());
  }

  /** The subtask's slot for the timestamp of the record in flight. */
  RecordTimestamp timestamp() {
    return timestamp;
  }

  /** What in this chain acts on processing time. */
  ProcessingTimers processingTimers() {
    return processingTimers;
  }

  /**
   * The records in and out of each operator of the chain, head first; {@code headRecordsIn} is
   * what the input handed the head. A source head counts no records in.
   */
  List<StreamTask.OperatorCounts> counts(long headRecordsIn) {
    List<StreamTask.OperatorCounts> counts = new ArrayList<>();
    StreamNode head = vertex.head();
    for (StreamNode node : vertex.operators()) {
      long in = node == head ? (node.kind() == StreamNode.Kind.SOURCE ? 0 : headRecordsIn)
          : sum(countedIn.get(node.id()));
      counts.add(new StreamTask.OperatorCounts(node.id(), node.name(), in, sum(countedOut.get(node.id()))));
    }
    return counts;
  }

  private static long sum(@Nullable List<CountedOutput> outputs) {
    long n = 0;
    if (outputs != null) {
      for (CountedOutput o : outputs) {
        n += o.records();
      }
    }
    return n;
  }

  /** The output of a source head. */
  @SuppressWarnings("unchecked")
  <T> Output<T> sourceOutput() {
    return (Output<T>) outputs.get(vertex.head().id());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Output<?> outputOf(StreamNode node, Map<StreamEdge, RecordWriter> writers) {
    List<Output> main = new ArrayList<>();
    Map<OutputTag<?>, List<Output>> sides = new LinkedHashMap<>();
    for (StreamEdge e : node.outEdges()) {
      Output out;
      if (vertex.contains(e.target()) && writers.get(e) == null) {
        out = Operators.createShared(copies, "chain:" + e.id(), ChainingOutput.class, operators.get(e.target()));
      } else {
        out = Operators.createShared(copies, "writer:" + e.id(), WriterOutput.class, writers.get(e),
            "exchange after '" + node.name() + "'", timestamp);
      }
      if (vertex.contains(e.target()) && writers.get(e) == null) {
        countedIn.computeIfAbsent(e.target(), t -> new ArrayList<>()).add((CountedOutput) out);
      }
      List<Output> edgeGroup = e.sideOutput() == null ? main
          : sides.computeIfAbsent(e.sideOutput(), t -> new ArrayList<>());
      if (edgeGroup.isEmpty()) {
        countedOut.computeIfAbsent(node.id(), n -> new ArrayList<>()).add((CountedOutput) out);
      }
      edgeGroup.add(out);
    }
    Output mainOut = combine(main);
    if (sides.isEmpty()) {
      return mainOut;
    }
    OutputTag<?>[] tags = sides.keySet().toArray(new OutputTag<?>[0]);
    Output<?>[] sideOuts = new Output<?>[tags.length];
    for (int i = 0; i < tags.length; i++) {
      sideOuts[i] = combine(sides.get(tags[i]));
    }
    return new RoutingOutput<>(mainOut, tags, sideOuts);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Output combine(List<Output> outs) {
    return switch (outs.size()) {
      case 0 -> new DiscardingOutput<>();
      case 1 -> outs.get(0);
      default -> new BroadcastingOutput<>(outs.toArray(new Output[0]));
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private StreamOperator create(StreamNode node, Output out, TaskDeployment d) throws Exception {
    UserCode code = userCode.get(node.id());
    String place = "op:" + node.id();
    TaskRestore.Operator restored = d.restore() == null ? null : d.restore().operator(node.stateUid());
    HeapKeyedStateBackend keyed = node.isKeyed()
        ? new HeapKeyedStateBackend(node.name(),
            KeyGroups.rangeOf(d.subtaskIndex(), node.maxParallelism(), node.parallelism()), node.maxParallelism(),
            d.serializerConfig(), d.clock()::currentProcessingTime, new WatermarkClock(),
            keySerializerOf(code.keySelector(0), d.serializerConfig()), restored == null ? Map.of() : restored.keyGroups())
        : null;
    if (keyed != null) {
      backends.put(node.id(), keyed);
    }
    OperatorStateBackend operatorState = new OperatorStateBackend(node.name(), d.serializerConfig(), d.subtaskIndex(),
        d.restore() == null ? OptionalLong.empty() : OptionalLong.of(d.restore().checkpointId()),
        restored == null ? Map.of() : restored.lists());
    operatorStates.put(node.id(), operatorState);
    TaskRuntimeContext rc = new TaskRuntimeContext(d.jobName(), node.name(), d.subtaskIndex(), node.parallelism(),
        node.maxParallelism(), d.attemptNumber(), d.counters(), keyed);
    OperatorContext ctx = new OperatorContext(node.name(), rc, keyed, operatorState, d.clock(), timestamp,
        processingTimers, d.autoWatermarkInterval());
    if (node.kind() == StreamNode.Kind.SINK) {
      return sinkOperator(code.sink(), d, node, place, restored);
    }
    OperatorSpec spec = code.operation();
    Object fn = code.function();
    KeySelector k0 = code.keySelector(0);
    if (spec instanceof OperatorSpec.Map) {
      return Operators.createShared(copies, place, MapOperator.class, fn, ctx, out);
    } else if (spec instanceof OperatorSpec.FlatMap) {
      return Operators.createShared(copies, place, FlatMapOperator.class, fn, ctx, out);
    } else if (spec instanceof OperatorSpec.Filter) {
      return Operators.createShared(copies, place, FilterOperator.class, fn, ctx, out);
    } else if (spec instanceof OperatorSpec.Process) {
      return Operators.createShared(copies, place, ProcessOperator.class, fn, ctx, out);
    } else if (spec instanceof OperatorSpec.KeyedProcess) {
      if (k0 == null) {
        throw new IllegalStateException("Bug in graph construction: keyed process '" + node.name() + "' without key");
      }
      return Operators.createShared(copies, place, KeyedProcessOperator.class, fn, k0, ctx, out);
    } else if (spec instanceof OperatorSpec.CoProcess) {
      return Operators.createShared(copies, place, CoProcessOperator.class, fn, ctx, out);
    } else if (spec instanceof OperatorSpec.AssignTimestamps a) {
      return Operators.createShared(copies, place, TimestampsAndWatermarksOperator.class, a.strategy(), ctx, out);
    } else if (spec instanceof OperatorSpec.KeyedCoProcess) {
      return Operators.createShared(copies, place, KeyedCoProcessOperator.class, fn, k0, code.keySelector(1), ctx, out);
    } else if (spec instanceof OperatorSpec.BroadcastProcess b) {
      return Operators.createShared(copies, place, BroadcastProcessOperator.class, fn, b.broadcastStates(), ctx, out);
    } else if (spec instanceof OperatorSpec.KeyedBroadcastProcess b) {
      if (k0 == null) {
        throw new IllegalStateException("Bug in graph construction: keyed broadcast process '" + node.name()
            + "' without key");
      }
      return Operators.createShared(copies, place, KeyedBroadcastProcessOperator.class, fn, b.broadcastStates(), k0,
          ctx, out);
    } else if (spec instanceof OperatorSpec.IntervalJoin) {
      return Operators.createShared(copies, place, IntervalJoinOperator.class, spec, k0, code.keySelector(1), ctx, out);
    } else if (spec instanceof OperatorSpec.Window window) {
      if (k0 == null) {
        throw new IllegalStateException("Bug in graph construction: window '" + node.name() + "' without key");
      }
      return WindowOperators.create(copies, place, window, k0, ctx, out);
    }
    throw new IllegalStateException("Bug in graph construction: no operator for " + spec);
  }

  /**
   * The sink operator: its writer (restored with its state when the job restores), and for a
   * two-phase sink its committer, which first commits the committables restored from the
   * checkpoint (it completed, so they are due).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private StreamOperator sinkOperator(Sink<?> sink, TaskDeployment d, StreamNode node, String place,
      @Nullable TaskRestore.Operator restored) throws Exception {
    SinkContext context = new SinkContext(d.jobName(), d.subtaskIndex(), node.parallelism(), d.attemptNumber(),
        d.checkpoints() == null || !d.checkpoints().config().isCheckpointingEnabled() ? Optional.empty()
            : Optional.of(d.checkpoints().config().getCheckpointInterval()),
        letter -> d.deadLetters().send(node.name(), d.subtaskIndex(), letter));
    SinkWriter<?> writer;
    SimpleVersionedSerializer<Object> stateSerializer = null;
    if (sink instanceof CollectSink<?> collect) {
      writer = d.collectChannels().get(collect.id()).writer();
    } else if (sink instanceof SupportsWriterState stateful) {
      stateSerializer = stateful.getWriterStateSerializer();
      writer = d.restore() == null ? sink.createWriter(context)
          : stateful.restoreWriter(context, versioned(restored == null ? List.of()
              : restored.lists().getOrDefault(SinkOperator.WRITER_STATE, List.of()), stateSerializer));
    } else {
      writer = sink.createWriter(context);
    }
    SinkCommitting<Object> committing = null;
    if (sink instanceof SupportsCommitter committable) {
      Committer<Object> committer = committable.createCommitter(context);
      committing = new SinkCommitting<>(node.name(), committer, committable.getCommittableSerializer());
      if (restored != null) {
        committing.commitRestored(restored.lists().getOrDefault(SinkOperator.COMMITTABLES, List.of()));
      }
    }
    return Operators.createShared(copies, place, SinkOperator.class, node.name(), writer, committing, stateSerializer,
        d.checkpoints() != null);
  }

  /** What a sink's writer and committer learn about their subtask. */
  private record SinkContext(String getJobName, int getSubtaskIndex, int getParallelism, int getAttemptNumber,
      Optional<Duration> getCheckpointInterval, WriterInitContext.DeadLetterOutput getDeadLetterOutput)
      implements WriterInitContext, CommitterInitContext {}

  /** Reads elements written as {@code int version, bytes}. */
  private static List<Object> versioned(List<byte[]> elements, SimpleVersionedSerializer<Object> serializer)
      throws java.io.IOException {
    List<Object> result = new ArrayList<>();
    for (byte[] e : elements) {
      int version = java.nio.ByteBuffer.wrap(e).getInt();
      result.add(serializer.deserialize(version, java.util.Arrays.copyOfRange(e, 4, e.length)));
    }
    return result;
  }
}
