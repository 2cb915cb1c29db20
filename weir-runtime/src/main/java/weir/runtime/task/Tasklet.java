package weir.runtime.task;

/**
 * A unit of cooperative work that a worker thread calls in turn with others. A call does a
 * bounded amount of work and returns; it never blocks (unless the tasklet is marked blocking and
 * has a thread of its own).
 *
 * <h3>Lifecycle</h3>
 * {@link #init} once, then {@link #call} until it returns {@link ProgressState#DONE}, then {@link
 * #close}; {@link #close} also runs after a failure or cancellation. All on one thread.
 */
public interface Tasklet {
  /** The name used in logs and errors, e.g. {@code "Map -> Sink (2/4)"}. */
  String name();

  /** Whether the tasklet needs a thread of its own. */
  boolean isBlocking();

  /** Builds and opens the tasklet's operators. */
  void init() throws Exception;

  /** Does a bounded amount of work. */
  ProgressState call() throws Exception;

  /** Releases everything; must be safe to call after a failed {@link #init}. */
  void close() throws Exception;
}
