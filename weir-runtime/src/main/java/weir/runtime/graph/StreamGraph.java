package weir.runtime.graph;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import weir.api.environment.ExecutionConfig;

/**
 * The job as a graph of operators, one node per non-virtual transformation, before chaining.
 *
 * @param jobName the job's name
 * @param nodes the nodes by id, in the order they were created (sources before their consumers)
 * @param config the job's configuration
 */
public record StreamGraph(String jobName, Map<Integer, StreamNode> nodes, ExecutionConfig config) implements Serializable {
  /** The node with {@code id}. */
  public StreamNode node(int id) {
    StreamNode node = nodes.get(id);
    if (node == null) {
      throw new IllegalStateException("Bug in stream graph construction: no node " + id);
    }
    return node;
  }

  /** All nodes. */
  public Collection<StreamNode> allNodes() {
    return nodes.values();
  }
}
