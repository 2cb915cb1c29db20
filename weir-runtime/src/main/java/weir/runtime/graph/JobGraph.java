package weir.runtime.graph;

import java.io.Serializable;
import java.util.List;
import weir.api.environment.ExecutionConfig;

/**
 * The unit of deployment: vertices (operator chains) and the exchanges between them, plus the
 * configuration. Plain serializable data, so the same graph runs embedded or on a cluster.
 *
 * @param jobId the job's id
 * @param jobName the job's name
 * @param vertices the vertices, producers before consumers
 * @param edges the exchanges
 * @param config the job's configuration
 */
public record JobGraph(String jobId, String jobName, List<JobVertex> vertices, List<JobEdge> edges, ExecutionConfig config)
    implements Serializable {
  /** The vertex with {@code id}. */
  public JobVertex vertex(int id) {
    for (JobVertex v : vertices) {
      if (v.id() == id) {
        return v;
      }
    }
    throw new IllegalStateException("Bug in job graph construction: no vertex " + id);
  }
}
