package weir.bench.windows;

/**
 * One engine's implementation of the window benchmark; {@link WindowBenchMain} runs one workload
 * per JVM.
 *
 * <p>Contract, so that figures and results are comparable across engines:
 *
 * <ul>
 *   <li>Source: {@code parallelism} readers; reader {@code s} reads exactly the split
 *       {@code events.splits(parallelism).get(s)}, and event {@code i} is the key
 *       {@code events.key(i)} with the timestamp {@code events.timestamp(i)}.
 *   <li>Watermarks: bounded out-of-orderness of {@link WindowEvents#OUT_OF_ORDERNESS}, generated
 *       in the source, with a timestamp assigner that reads the event's timestamp.
 *   <li>{@code keyBy(key)}, then windows of {@code events.workload()} with the sizes in
 *       {@link Workload}, an incremental count (aggregate function), and a window function that
 *       emits (key, window end, count); the window end is exclusive, as in Flink's
 *       {@code TimeWindow.getEnd()}.
 *   <li>Sink: a discarding sink that folds each result into a {@link ResultChecksum} and calls
 *       {@link WindowProbes#publish} when its input ends.
 *   <li>First record: the timestamp assigner calls {@link WindowProbes#markFirstRecord} on the first
 *       event of its subtask (it is the first user code to see each event).
 *   <li>Every operator has the given parallelism; the method returns only after the job has
 *       completed, with {@link WindowProbes#result}.
 * </ul>
 */
public interface WindowPipelineRunner {

  /**
   * Runs one workload to completion.
   *
   * @param events the events and the workload
   * @param parallelism parallelism of every operator
   */
  WindowRunResult run(WindowEvents events, int parallelism) throws Exception;
}
