package weir.api.environment;

import weir.api.annotation.Internal;
import weir.api.graph.Pipeline;

/**
 * Runs pipelines; found with {@link java.util.ServiceLoader}. The runtime provides the embedded
 * executor ({@code "embedded"}); the cluster client provides remote ones.
 */
@Internal
public interface PipelineExecutor {
  /** The name users select it by. */
  String name();

  /** Submits the pipeline and returns at once. */
  JobClient execute(Pipeline pipeline) throws Exception;

  /**
   * Submits the pipeline and returns an iterator over what the collect sink {@code collectId}
   * receives; the iterator ends when the job finishes and throws if it fails.
   */
  <T> CloseableIterator<T> executeAndCollect(Pipeline pipeline, String collectId) throws Exception;
}
