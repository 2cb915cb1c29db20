package weir.cluster.jobmanager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import weir.api.graph.Partitioning;
import weir.runtime.graph.JobEdge;
import weir.runtime.graph.JobGraph;
import weir.runtime.graph.JobVertex;
import weir.runtime.graph.StreamNode;

/**
 * A job graph at another parallelism: the vertices that run at the job's default parallelism take
 * the new one, vertices whose parallelism the program set apart (a sink at 1, say) keep theirs.
 * State moves by key group, so any parallelism up to a vertex's max parallelism restores.
 */
final class Rescaling {
  private Rescaling() {}

  /** The ids of the vertices that run at the job's default parallelism. */
  static Set<Integer> scalable(JobGraph graph) {
    Set<Integer> ids = new HashSet<>();
    for (JobVertex v : graph.vertices()) {
      if (v.parallelism() == graph.config().getParallelism()) {
        ids.add(v.id());
      }
    }
    return ids;
  }

  /**
   * {@code graph} with the vertices in {@code scalable} at {@code parallelism}.
   *
   * @throws IllegalArgumentException when a vertex cannot run at it, or a forward exchange would
   *     join vertices of different parallelism
   */
  static JobGraph rescale(JobGraph graph, Set<Integer> scalable, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    if (scalable.isEmpty()) {
      throw new IllegalArgumentException("Job '" + graph.jobName() + "' has no vertex at its default parallelism "
          + graph.config().getParallelism() + "; every vertex has a parallelism set by the program");
    }
    List<JobVertex> vertices = new ArrayList<>();
    for (JobVertex v : graph.vertices()) {
      if (scalable.contains(v.id())) {
        if (parallelism > v.maxParallelism()) {
          throw new IllegalArgumentException("Vertex '" + v.name() + "' of job '" + graph.jobName() + "' has max "
              + "parallelism " + v.maxParallelism() + "; it cannot run at " + parallelism
              + " (its state is split into that many key groups)");
        }
        List<StreamNode> operators = new ArrayList<>();
        for (StreamNode n : v.operators()) {
          operators.add(n.withParallelism(parallelism));
        }
        vertices.add(new JobVertex(v.id(), v.name(), operators, parallelism, v.maxParallelism(), v.blocking()));
      } else {
        vertices.add(v);
      }
    }
    JobGraph rescaled = new JobGraph(graph.jobId(), graph.jobName(), vertices, graph.edges(), graph.config());
    for (JobEdge e : graph.edges()) {
      if (e.edge().partitioning() instanceof Partitioning.Forward
          && rescaled.vertex(e.sourceVertex()).parallelism() != rescaled.vertex(e.targetVertex()).parallelism()) {
        throw new IllegalArgumentException("Job '" + graph.jobName() + "' cannot run at parallelism " + parallelism
            + ": the forward exchange from '" + rescaled.vertex(e.sourceVertex()).name() + "' to '"
            + rescaled.vertex(e.targetVertex()).name() + "' needs equal parallelism on both sides; "
            + "use rebalance() there or give both the same parallelism");
      }
    }
    return rescaled;
  }
}
