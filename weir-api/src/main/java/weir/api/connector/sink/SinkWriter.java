package weir.api.connector.sink;

import java.io.IOException;
import weir.api.annotation.Public;

/**
 * Writes the records of one subtask. All methods run on the subtask's thread.
 *
 * @param <T> the type of the records written
 * @since 0.1
 */
@Public
public interface SinkWriter<T> extends AutoCloseable {
  /** Writes one record; may buffer it. */
  void write(T element) throws IOException;

  /**
   * Flushes what is buffered; called when a checkpoint's barrier reaches the sink ({@code
   * endOfInput = false}) and at the end of input ({@code endOfInput = true}).
   */
  void flush(boolean endOfInput) throws IOException;

  @Override
  default void close() throws Exception {}
}
