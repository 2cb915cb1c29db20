package weir.api.connector.sink;

import java.io.IOException;
import java.io.Serializable;
import weir.api.annotation.Public;

/**
 * Where a stream ends. Each parallel subtask gets its own {@link SinkWriter}.
 *
 * <p>A sink adds what checkpoints need by implementing more interfaces: {@link
 * SupportsWriterState} when its writers keep state across a restore, {@link SupportsCommitter}
 * when it writes exactly once through a two-phase commit. A sink with neither writes at least
 * once: after a restore, the records written since the checkpoint are written again.
 *
 * @param <T> the type of the records written
 * @since 0.1
 */
@Public
public interface Sink<T> extends Serializable {
  /** Creates the writer of one parallel subtask. */
  SinkWriter<T> createWriter(WriterInitContext context) throws IOException;
}
