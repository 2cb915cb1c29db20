package weir.runtime.graph;

import java.io.Serializable;
import javax.annotation.Nullable;
import weir.api.datastream.OutputTag;
import weir.api.graph.Partitioning;

/**
 * A connection from one stream node to another: how records are partitioned, which input of the
 * target they feed, and, for side outputs, which tag they come from.
 *
 * <p>Edges are equal when their ids are: a copy made by serialization (for a subtask) still finds
 * its exchange.
 *
 * @param id unique within the job
 * @param source the producing node's id
 * @param target the consuming node's id
 * @param inputIndex 0, or 1 for the second input of a two-input operator
 * @param partitioning how records are distributed over the target's subtasks
 * @param sideOutput the producer's side output this edge carries, or {@code null} for the main output
 */
public record StreamEdge(int id, int source, int target, int inputIndex, Partitioning partitioning, @Nullable OutputTag<?> sideOutput)
    implements Serializable {

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamEdge other && other.id == id;
  }

  @Override
  public int hashCode() {
    return id;
  }

  /** Whether each producer subtask feeds one or a few consumer subtasks rather than all. */
  public boolean isPointwise() {
    return partitioning instanceof Partitioning.Forward || partitioning instanceof Partitioning.Rescale;
  }
}
