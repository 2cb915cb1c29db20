package weir.api.connector.source;

import weir.api.annotation.Public;

/**
 * What {@link SourceReader#pollNext} reports.
 *
 * @since 0.1
 */
@Public
public enum InputStatus {
  /** More records can be polled right away. */
  MORE_AVAILABLE,
  /** Nothing now; the runtime polls again later. */
  NOTHING_AVAILABLE,
  /** This reader has ended: it has no split and will get none. */
  END_OF_INPUT
}
