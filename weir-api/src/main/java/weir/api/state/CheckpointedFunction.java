package weir.api.state;

import weir.api.annotation.Public;

/**
 * A user function that keeps state of its own across checkpoints and restores: operator state
 * (lists of elements per subtask, dealt out again when the parallelism changes) and, on keyed
 * streams, keyed state. Implement it on a function of {@code map}, {@code flatMap},
 * {@code filter}, {@code process} (plain, keyed, co-, keyed co- and broadcast process),
 * {@code connect(...).map/flatMap} or an interval join.
 *
 * <pre>{@code
 * public class BufferingMap extends AbstractRichFunction
 *     implements FlatMapFunction<Long, List<Long>>, CheckpointedFunction {
 *   private final List<Long> buffer = new ArrayList<>();
 *   private transient ListState<Long> checkpointed;
 *
 *   public void initializeState(FunctionInitializationContext ctx) throws Exception {
 *     checkpointed = ctx.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffer", Long.class));
 *     for (Long v : checkpointed.get()) {
 *       buffer.add(v);                        // the restored elements; none on a fresh start
 *     }
 *   }
 *
 *   public void snapshotState(FunctionSnapshotContext ctx) throws Exception {
 *     checkpointed.update(buffer);             // what the checkpoint keeps
 *   }
 *
 *   public void flatMap(Long value, Collector<List<Long>> out) {
 *     buffer.add(value);
 *     if (buffer.size() == 100) {
 *       out.collect(List.copyOf(buffer));
 *       buffer.clear();
 *     }
 *   }
 * }
 * }</pre>
 *
 * <h3>Lifecycle</h3>
 * {@link #initializeState} runs once per subtask and attempt, before {@code open} (of a {@link
 * weir.api.functions.RichFunction}) and before any record: on a fresh start with empty state
 * ({@link FunctionInitializationContext#isRestored()} is {@code false}), after a restart or a
 * start from a savepoint with the state of the checkpoint. Register the states there and keep
 * the handles; the subtask's index and parallelism come from {@link
 * FunctionInitializationContext#getRuntimeContext()}, since {@code open} has not run yet. {@link #snapshotState} runs for every checkpoint, when its barrier reaches the
 * operator, before the registered states are written: move into them what the checkpoint should
 * keep. The operator state written is the content of the registered states once {@code
 * snapshotState} returns, so state that is updated on every record needs no work there.
 *
 * <h3>Threading</h3>
 * Both methods run on the subtask's thread, never concurrently with the function's record
 * methods or timers; no lock is needed.
 *
 * <h3>Failures</h3>
 * An exception from {@link #initializeState} fails the subtask's start, one from {@link
 * #snapshotState} fails the subtask (the checkpoint is not completed); in both cases the job
 * restarts as its restart strategy says.
 *
 * @since 0.1
 */
@Public
public interface CheckpointedFunction {
  /**
   * Called when a checkpoint's barrier reaches the operator: bring the registered states up to
   * date with what the function holds elsewhere (in fields).
   *
   * @param context the checkpoint's id and timestamp
   */
  void snapshotState(FunctionSnapshotContext context) throws Exception;

  /**
   * Called once before the first record (and before {@code open}): register operator and keyed
   * state, and read what was restored.
   *
   * @param context the state stores and whether the subtask was restored
   */
  void initializeState(FunctionInitializationContext context) throws Exception;
}
