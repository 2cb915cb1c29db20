package weir.api.functions;

import weir.api.annotation.Public;
import weir.api.metrics.Counter;
import weir.api.state.KeyedStateStore;

/**
 * What a function knows about the subtask that runs it, handed to {@link RichFunction#open}.
 *
 * <h3>Threading</h3>
 * The context and everything obtained from it belong to the subtask's thread.
 *
 * <h3>Keyed state</h3>
 * The state getters work only in functions that run on a keyed stream (after {@code keyBy}); on
 * other streams they throw an {@link IllegalStateException} that says so. Call them in
 * {@code open()}, keep the handles, and use them per record: each handle is scoped to the key of
 * the record being processed. The getters are those of {@link KeyedStateStore}.
 *
 * @since 0.1
 */
@Public
public interface RuntimeContext extends KeyedStateStore {
  /** The name given to {@code execute(name)}. */
  String getJobName();

  /** The operator's name, as set with {@code name(...)} or derived from the transformation. */
  String getOperatorName();

  /** This subtask's index, from 0 to {@code getParallelism() - 1}. */
  int getSubtaskIndex();

  /** The number of parallel subtasks of this operator. */
  int getParallelism();

  /** The number of key groups, the upper bound for rescaling keyed state. */
  int getMaxParallelism();

  /** How many times this subtask was restarted before this attempt (0 for the first). */
  int getAttemptNumber();

  /**
   * A counter of this subtask; the job result reports the sum over all subtasks under the same
   * name.
   */
  Counter getCounter(String name);

  /** The class loader of the user code. */
  ClassLoader getUserCodeClassLoader();
}
