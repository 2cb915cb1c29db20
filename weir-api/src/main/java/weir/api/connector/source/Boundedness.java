package weir.api.connector.source;

import weir.api.annotation.Public;

/**
 * Whether a source ends.
 *
 * @since 0.1
 */
@Public
public enum Boundedness {
  /** The source ends; when all sources end, the job finishes. */
  BOUNDED,
  /** The source runs until the job is cancelled. */
  CONTINUOUS_UNBOUNDED
}
