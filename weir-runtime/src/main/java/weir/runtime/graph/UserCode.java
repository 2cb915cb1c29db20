package weir.runtime.graph;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.graph.OperatorSpec;
import weir.api.connector.sink.Sink;
import weir.api.connector.source.Source;
import weir.api.functions.Function;
import weir.api.functions.KeySelector;

/**
 * The user objects of one stream node — source, operation function, sink and key selectors —
 * which each subtask needs its own copy of, apart from the graph's structure, which subtasks
 * share read-only.
 *
 * <p>A plain class rather than a record: records go through a slower path of Java serialization
 * that costs start-up time in a fresh JVM.
 */
public final class UserCode implements Serializable {
  private static final long serialVersionUID = 1L;

  @Nullable private final Source<?, ?, ?> source;
  @Nullable private final WatermarkStrategy<?> watermarkStrategy;
  @Nullable private final OperatorSpec operation;
  @Nullable private final Sink<?> sink;
  @Nullable private final KeySelector<?, ?> keySelector0;
  @Nullable private final KeySelector<?, ?> keySelector1;

  private UserCode(StreamNode node) {
    this.source = node.source();
    this.watermarkStrategy = node.watermarkStrategy();
    this.operation = node.operation();
    this.sink = node.sink();
    this.keySelector0 = node.keySelector(0);
    this.keySelector1 = node.keySelector(1);
  }

  /** The user objects of {@code node} itself (not a copy). */
  public static UserCode of(StreamNode node) {
    return new UserCode(node);
  }

  /** The user objects of every node of {@code vertex}, by node id, as the graph holds them. */
  public static HashMap<Integer, UserCode> of(JobVertex vertex) {
    HashMap<Integer, UserCode> code = new HashMap<>();
    for (StreamNode node : vertex.operators()) {
      code.put(node.id(), of(node));
    }
    return code;
  }

  /** Serializes the user objects of {@code vertex}, for subtasks to deserialize copies from. */
  public static byte[] serialize(JobVertex vertex) throws IOException {
    return JavaSerialization.serialize(of(vertex));
  }

  /** A fresh copy of the user objects serialized by {@link #serialize}. */
  @SuppressWarnings("unchecked")
  public static Map<Integer, UserCode> deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    return (Map<Integer, UserCode>) JavaSerialization.deserialize(bytes);
  }

  @Nullable
  public Source<?, ?, ?> source() {
    return source;
  }

  /** The function of the node's operation; its kind is the node's {@code operation()}. */
  @Nullable
  public Function function() {
    return operation == null ? null : operation.function();
  }

  /** The node's operation with this subtask's copies of everything it holds. */
  @Nullable
  public OperatorSpec operation() {
    return operation;
  }

  /** The event-time strategy of a source node, or {@code null}. */
  @Nullable
  public WatermarkStrategy<?> watermarkStrategy() {
    return watermarkStrategy;
  }

  @Nullable
  public Sink<?> sink() {
    return sink;
  }

  /** The key selector of input {@code index}, or {@code null}. */
  @Nullable
  public KeySelector<?, ?> keySelector(int index) {
    return index == 0 ? keySelector0 : keySelector1;
  }
}
