package weir.runtime.graph;

import java.io.Serializable;
import java.util.List;

/**
 * One chain of operators that runs as one subtask per parallel instance: the head receives the
 * vertex's inputs, the others are fed by direct calls.
 *
 * @param id the vertex id (the head node's id)
 * @param name the operator names joined by " -> "
 * @param operators the chained nodes, head first, each after all of its chained predecessors
 * @param parallelism the number of subtasks
 * @param maxParallelism the number of key groups
 * @param blocking whether the chain needs a thread of its own
 */
public record JobVertex(int id, String name, List<StreamNode> operators, int parallelism, int maxParallelism, boolean blocking)
    implements Serializable {
  /** The node that receives the vertex's inputs. */
  public StreamNode head() {
    return operators.get(0);
  }

  /** Whether {@code nodeId} is one of this vertex's operators. */
  public boolean contains(int nodeId) {
    for (StreamNode n : operators) {
      if (n.id() == nodeId) {
        return true;
      }
    }
    return false;
  }
}
