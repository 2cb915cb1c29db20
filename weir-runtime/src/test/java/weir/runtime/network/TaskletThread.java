package weir.runtime.network;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.annotation.Nullable;
import weir.runtime.task.Tasklet;
import weir.runtime.task.Worker;

/** Runs tasklets on a {@link Worker} of their own thread, as a TaskManager does, and records how it ended. */
final class TaskletThread implements Worker.Listener, AutoCloseable {
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean stopping;
  private volatile boolean done;

  private TaskletThread(String name, List<Tasklet> tasklets) {
    this.thread = new Thread(new Worker(tasklets, this), name);
    thread.setDaemon(true);
  }

  static TaskletThread start(String name, Tasklet... tasklets) {
    TaskletThread t = new TaskletThread(name, List.of(tasklets));
    t.thread.start();
    return t;
  }

  @Override
  public boolean isStopping() {
    return stopping;
  }

  @Override
  public void onFailure(Tasklet tasklet, Throwable cause) {
    failure.compareAndSet(null, cause);
  }

  @Override
  public void onWorkerDone() {
    done = true;
  }

  /** Whether every tasklet has finished or one has failed, and all are closed. */
  boolean isDone() {
    return done;
  }

  /** Whether all tasklets finished without failure. */
  boolean succeeded() {
    return done && failure.get() == null;
  }

  @Nullable
  Throwable failure() {
    return failure.get();
  }

  @Override
  public void close() throws InterruptedException {
    stopping = true;
    thread.join(10_000);
  }
}
