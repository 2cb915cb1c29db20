package weir.runtime.graph;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.connector.sink.Sink;
import weir.api.connector.source.Source;
import weir.api.functions.KeySelector;
import weir.api.graph.OperatorSpec;
import weir.api.typeinfo.TypeInfo;

/**
 * One operator of the stream graph: a source, a one- or two-input operation, or a sink, with its
 * resolved parallelism. Plain serializable data; the runtime instantiates the operator from it on
 * each subtask.
 */
public final class StreamNode implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What kind of operator the node becomes. */
  public enum Kind { SOURCE, ONE_INPUT, TWO_INPUT, SINK }

  private final int id;
  private final String name;
  @Nullable private final String uid;
  private final Kind kind;
  private final int parallelism;
  private final int maxParallelism;
  private final boolean blocking;
  private final TypeInfo<?> outputType;
  @Nullable private final Source<?, ?, ?> source;
  @Nullable private final WatermarkStrategy<?> watermarkStrategy;
  @Nullable private final OperatorSpec operation;
  @Nullable private final Sink<?> sink;
  private final KeySelector<?, ?>[] keySelectors;
  private final List<StreamEdge> inEdges = new ArrayList<>();
  private final List<StreamEdge> outEdges = new ArrayList<>();

  StreamNode(
      int id,
      String name,
      @Nullable String uid,
      Kind kind,
      int parallelism,
      int maxParallelism,
      boolean blocking,
      TypeInfo<?> outputType,
      @Nullable Source<?, ?, ?> source,
      @Nullable WatermarkStrategy<?> watermarkStrategy,
      @Nullable OperatorSpec operation,
      @Nullable Sink<?> sink,
      KeySelector<?, ?>[] keySelectors) {
    this.id = id;
    this.name = name;
    this.uid = uid;
    this.kind = kind;
    this.parallelism = parallelism;
    this.maxParallelism = maxParallelism;
    this.blocking = blocking;
    this.outputType = outputType;
    this.source = source;
    this.watermarkStrategy = watermarkStrategy;
    this.operation = operation;
    this.sink = sink;
    this.keySelectors = keySelectors;
  }

  /**
   * This node at another parallelism, as a rescaled job runs it; everything else, edges included,
   * stays the same.
   */
  public StreamNode withParallelism(int newParallelism) {
    StreamNode copy = new StreamNode(id, name, uid, kind, newParallelism, maxParallelism, blocking, outputType, source,
        watermarkStrategy, operation, sink, keySelectors);
    copy.inEdges.addAll(inEdges);
    copy.outEdges.addAll(outEdges);
    return copy;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  @Nullable
  public String uid() {
    return uid;
  }

  /**
   * The id the node's state is stored under in checkpoints: its uid, or one derived from its
   * place in the graph, which stays the same as long as the program does.
   */
  public String stateUid() {
    return uid != null ? uid : "node-" + id;
  }

  public Kind kind() {
    return kind;
  }

  public int parallelism() {
    return parallelism;
  }

  public int maxParallelism() {
    return maxParallelism;
  }

  public boolean blocking() {
    return blocking;
  }

  public TypeInfo<?> outputType() {
    return outputType;
  }

  @Nullable
  public Source<?, ?, ?> source() {
    return source;
  }

  /** The event-time strategy of a source node, or {@code null}. */
  @Nullable
  public WatermarkStrategy<?> watermarkStrategy() {
    return watermarkStrategy;
  }


  @Nullable
  public OperatorSpec operation() {
    return operation;
  }

  @Nullable
  public Sink<?> sink() {
    return sink;
  }

  /** The key selector of input {@code index}, or {@code null} when that input is not keyed. */
  @Nullable
  public KeySelector<?, ?> keySelector(int index) {
    return index < keySelectors.length ? keySelectors[index] : null;
  }

  /** Whether the operator runs with keyed state. */
  public boolean isKeyed() {
    for (KeySelector<?, ?> k : keySelectors) {
      if (k != null) {
        return true;
      }
    }
    return false;
  }

  public List<StreamEdge> inEdges() {
    return inEdges;
  }

  public List<StreamEdge> outEdges() {
    return outEdges;
  }

  @Override
  public String toString() {
    return name + "#" + id;
  }
}
