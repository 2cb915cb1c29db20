package weir.runtime.task;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread's loop over its cooperative tasklets: calls each in turn, drops those that are done,
 * idles when a whole round made no progress, and on failure or cancellation closes every tasklet
 * it still holds. Thread count is the worker count, whatever the number of subtasks.
 */
public final class Worker implements Runnable {
  /** What a worker reports to the job it runs for. */
  public interface Listener {
    /** Whether the job was cancelled or failed; the worker then stops. */
    boolean isStopping();

    /** A tasklet failed; the first failure decides the job's outcome. */
    void onFailure(Tasklet tasklet, Throwable failure);

    /** The worker has closed all its tasklets and is about to end. */
    void onWorkerDone();
  }

  private final List<Tasklet> tasklets;
  private final Listener listener;
  private final IdleStrategy idle = new IdleStrategy();
  // written by this worker per call, read by the job's watchdog
  private volatile Tasklet current;
  private volatile long callStartNanos;

  public Worker(List<Tasklet> tasklets, Listener listener) {
    this.tasklets = new ArrayList<>(tasklets);
    this.listener = listener;
  }

  @Override
  public void run() {
    List<Tasklet> active = new ArrayList<>(tasklets.size());
    try {
      for (Tasklet t : tasklets) {
        active.add(t);
        t.init();
      }
      loop(active);
    } catch (TaskletFailure f) {
      listener.onFailure(f.tasklet, f.getCause());
    } catch (Throwable t) {
      listener.onFailure(active.get(active.size() - 1), t);
    } finally {
      for (Tasklet t : active) {
        try {
          t.close();
        } catch (Throwable e) {
          listener.onFailure(t, e);
        }
      }
      listener.onWorkerDone();
    }
  }

  private void loop(List<Tasklet> active) {
    while (!active.isEmpty()) {
      if (listener.isStopping()) {
        return;
      }
      boolean progress = false;
      for (int i = 0; i < active.size(); i++) {
        Tasklet t = active.get(i);
        ProgressState state;
        current = t;
        callStartNanos = System.nanoTime();
        try {
          state = t.call();
        } catch (Throwable e) {
          throw new TaskletFailure(t, e);
        }
        current = null;
        if (state == ProgressState.DONE) {
          active.remove(i--);
          try {
            t.close();
          } catch (Throwable e) {
            throw new TaskletFailure(t, e);
          }
          progress = true;
        } else if (state == ProgressState.MADE_PROGRESS) {
          progress = true;
        }
      }
      if (progress) {
        idle.reset();
      } else {
        idle.idle();
      }
    }
  }

  /** The tasklet whose call is under way, or {@code null}; for the watchdog. */
  public Tasklet currentTasklet() {
    return current;
  }

  /** When the call under way started ({@link System#nanoTime()}); for the watchdog. */
  public long callStartNanos() {
    return callStartNanos;
  }

  /** Carries the tasklet that failed out of the loop. */
  private static final class TaskletFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Tasklet tasklet;

    TaskletFailure(Tasklet tasklet, Throwable cause) {
      super(cause);
      this.tasklet = tasklet;
    }
  }
}
