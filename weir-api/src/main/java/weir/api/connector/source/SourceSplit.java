package weir.api.connector.source;

import java.io.Serializable;
import weir.api.annotation.Public;

/**
 * A part of a source's data that one reader reads, such as a file or a range of numbers. A split
 * is also its own checkpoint: the reader returns splits with their current position from
 * {@link SourceReader#snapshotState}.
 *
 * @since 0.1
 */
@Public
public interface SourceSplit extends Serializable {
  /** An id unique within the source. */
  String splitId();
}
