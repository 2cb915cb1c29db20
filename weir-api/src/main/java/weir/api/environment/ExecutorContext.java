package weir.api.environment;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import weir.api.annotation.Internal;

/**
 * The executor that environments created by {@code getExecutionEnvironment()} target while a
 * program runs in a context, and the settings such a context imposes: how a cluster runs a
 * submitted program's main method to obtain its job, without a process-wide switch that two
 * submissions at once would race on. Threads the program starts inherit the context.
 *
 * @param executor runs (or captures) the pipelines the program executes
 * @param defaults applied to each new environment's configuration before the program sets its own
 */
@Internal
public record ExecutorContext(PipelineExecutor executor, Consumer<ExecutionConfig> defaults) {
  private static final InheritableThreadLocal<ExecutorContext> CURRENT = new InheritableThreadLocal<>();

  /** The context of the calling thread, or {@code null} outside any. */
  @Nullable
  public static ExecutorContext current() {
    return CURRENT.get();
  }

  /** Calls {@code program} in this context. */
  public <T> T call(Callable<T> program) throws Exception {
    ExecutorContext before = CURRENT.get();
    CURRENT.set(this);
    try {
      return program.call();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }
}
