package weir.api.connector.sink;

import java.io.IOException;
import java.io.Serializable;
import weir.api.annotation.Public;

/**
 * Where a stream ends. Each parallel subtask gets its own {@link SinkWriter}. (Two-phase commit
 * for exactly-once sinks adds a committer to this interface together with checkpoints.)
 *
 * @param <T> the type of the records written
 * @since 0.1
 */
@Public
public interface Sink<T> extends Serializable {
  /** Creates the writer of one parallel subtask. */
  SinkWriter<T> createWriter(WriterInitContext context) throws IOException;
}
