package weir.api.connector.source;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import weir.api.annotation.Public;

/**
 * How an enumerator assigns splits to readers.
 *
 * @since 0.1
 */
@Public
public interface SplitEnumeratorContext<S extends SourceSplit> {
  /** The number of readers. */
  int currentParallelism();

  /** Assigns a split to the reader of {@code subtaskId}. */
  void assignSplit(S split, int subtaskId);

  /** Tells the reader of {@code subtaskId} that no more splits will come. */
  void signalNoMoreSplits(int subtaskId);

  /**
   * Calls {@code callable} periodically on a thread of the runtime, first after {@code
   * initialDelay}, then {@code period} after each call ended, and hands each result (or the
   * exception, with a {@code null} result) to {@code handler}, which runs one at a time with the
   * enumerator's methods, like them. For work that blocks, such as asking a broker for the
   * partitions of a topic, without holding up the enumerator. The calls end when the
   * enumerator is closed.
   *
   * @throws UnsupportedOperationException where the context has no thread for it (a test
   *     driver, say); the runtime's context has one
   */
  default <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, Duration initialDelay,
      Duration period) {
    throw new UnsupportedOperationException("This enumerator context runs no periodic calls");
  }
}
