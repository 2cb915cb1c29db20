package weir.runtime.graph;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.connector.sink.Sink;
import weir.api.connector.source.Source;
import weir.api.functions.KeySelector;
import weir.api.graph.OperatorSpec;

/**
 * The user objects of one stream node — source, operation, sink and key selectors — which each
 * subtask needs its own copy of, apart from the graph's structure, which subtasks share read-only.
 *
 * @param source the node's source, or {@code null}
 * @param operation the node's operation, or {@code null}
 * @param sink the node's sink, or {@code null}
 * @param keySelectors the key selector of each input, {@code null} where an input is not keyed
 */
public record UserCode(
    @Nullable Source<?, ?, ?> source,
    @Nullable OperatorSpec operation,
    @Nullable Sink<?> sink,
    KeySelector<?, ?>[] keySelectors) implements Serializable {

  /** The user objects of {@code node} itself (not a copy). */
  public static UserCode of(StreamNode node) {
    KeySelector<?, ?>[] keys = new KeySelector<?, ?>[] {node.keySelector(0), node.keySelector(1)};
    return new UserCode(node.source(), node.operation(), node.sink(), keys);
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

  /** The key selector of input {@code index}, or {@code null}. */
  @Nullable
  public KeySelector<?, ?> keySelector(int index) {
    return keySelectors[index];
  }

}
