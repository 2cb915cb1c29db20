package weir.bench.foundation;

import javax.annotation.Nullable;

/**
 * One engine's implementation of the foundation pipelines; {@link BenchMain} runs exactly one
 * pipeline per JVM.
 *
 * <p>Contract, so that figures are comparable across engines:
 *
 * <ul>
 *   <li>Build the records with {@link Generator} only: stateless record {@code i} is
 *       {@code Generator.longValue(i)}, keyed record {@code i} is
 *       {@code (Generator.key(i), Generator.value(i))}, for {@code i} in [0, records).
 *   <li>{@code executeCalledNanos}: {@code System.nanoTime()} just before the call that starts
 *       the job (after the job graph has been declared).
 *   <li>{@code firstRecordNanos}: {@code System.nanoTime()} when the first operator after the
 *       source sees its first record; the earliest over all subtasks (one {@code compareAndSet}
 *       from 0 on a shared {@code AtomicLong}, done once per subtask, not per record).
 *   <li>{@code endNanos}: {@code System.nanoTime()} when a sink subtask has received its last
 *       record (its end-of-input / finish callback); the latest over all sink subtasks.
 *   <li>{@code sinkCount}: records received by the sink, summed over its subtasks.
 *   <li>The method returns only after the job has completed.
 *   <li>With {@link CheckpointSettings}, the job takes checkpoints as they say, and its source is
 *       the stock number sequence whose enumerator reports completed checkpoints to
 *       {@link CheckpointProbes} ({@link FlinkSequenceSource}, {@link WeirSequenceSource}); the
 *       same source is used without checkpoints, so the two differ only in checkpointing.
 * </ul>
 */
public interface PipelineRunner {

  /** Pipeline names understood by every runner. */
  String STATELESS = "stateless";

  String KEYED = "keyed";

  /**
   * Runs one pipeline to completion.
   *
   * @param pipeline {@link #STATELESS} or {@link #KEYED}
   * @param records number of source records (indices 0 .. records-1)
   * @param parallelism parallelism of every operator
   * @param checkpoints how the job takes checkpoints, or {@code null} for none
   */
  RunResult run(String pipeline, long records, int parallelism, @Nullable CheckpointSettings checkpoints)
      throws Exception;
}
