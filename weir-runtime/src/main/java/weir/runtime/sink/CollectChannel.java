package weir.runtime.sink;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import weir.api.connector.sink.SinkWriter;
import weir.api.environment.CloseableIterator;
import weir.api.environment.JobExecutionException;

/**
 * Carries the records of a collect sink to the client's iterator. Bounded: a writer waits while
 * the client is behind (the collect sink runs on a thread of its own, so waiting is allowed) and
 * gives up when the job is cancelled.
 */
public final class CollectChannel {
  private static final int CAPACITY = 4096;

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final CompletableFuture<?> jobEnd;
  private final Runnable cancelJob;
  private volatile boolean closed;

  /**
   * @param jobEnd completes when the job ends; after that, the iterator drains what is left
   * @param cancelJob cancels the job when the iterator is closed early
   */
  public CollectChannel(CompletableFuture<?> jobEnd, Runnable cancelJob) {
    this.jobEnd = jobEnd;
    this.cancelJob = cancelJob;
  }

  /** A writer for one subtask of the collect sink. */
  public <T> SinkWriter<T> writer() {
    return new SinkWriter<>() {
      @Override
      public void write(T element) {
        try {
          while (!queue.offer(element, 50, TimeUnit.MILLISECONDS)) {
            if (closed || jobEnd.isDone()) {
              return;
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void flush(boolean endOfInput) {}
    };
  }

  /** The client's iterator; ends when the job has finished and everything was read. */
  public <T> CloseableIterator<T> iterator() {
    return new CloseableIterator<>() {
      private Object next;

      @Override
      public boolean hasNext() {
        try {
          while (next == null) {
            next = queue.poll(20, TimeUnit.MILLISECONDS);
            if (next == null && jobEnd.isDone() && queue.isEmpty()) {
              rethrowFailure();
              return false;
            }
          }
          return true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for job results", e);
        }
      }

      @Override
      @SuppressWarnings("unchecked")
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T result = (T) next;
        next = null;
        return result;
      }

      @Override
      public void close() {
        closed = true;
        if (!jobEnd.isDone()) {
          cancelJob.run();
        }
      }
    };
  }

  private void rethrowFailure() {
    try {
      jobEnd.get();
    } catch (ExecutionException e) {
      if (!closed) {
        Throwable cause = e.getCause();
        throw new IllegalStateException(cause.getMessage(), cause instanceof JobExecutionException ? cause : e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
