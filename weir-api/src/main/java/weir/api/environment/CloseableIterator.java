package weir.api.environment;

import java.util.Iterator;
import weir.api.annotation.Public;

/**
 * An iterator over results that arrive while a job runs; closing it cancels the job if it is
 * still running.
 *
 * @since 0.1
 */
@Public
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();
}
