package weir.bench.checkpoints;

import weir.bench.foundation.CheckpointSettings;

/**
 * One engine's side of the recovery benchmark; {@link RecoveryBenchMain} runs one job per JVM.
 *
 * <p>Contract, so that figures are comparable across engines: the keyed pipeline of the
 * foundation benchmark (the stock number sequence, the index-to-record map, keyBy, running sum),
 * with one more map between the source and the record map that hands every index to a
 * {@link RecoveryProbes.FailureTrigger} made in its subtask's open with the subtask's attempt
 * number and {@code failAfter / parallelism}; checkpoints and restarts as {@code checkpoints} say;
 * and a sink whose writer gives every {@code (key, sum)} to a {@link RecoveryProbes.SumRecorder}
 * made with its attempt number, and calls its {@code end()} at end of input and on close. The
 * method returns {@link System#nanoTime()} taken just before the job was started, once the job has
 * completed.
 */
public interface RecoveryRunner {

  /**
   * Runs the job to completion.
   *
   * @param records number of source records (indices 0 .. records-1)
   * @param parallelism parallelism of every operator
   * @param checkpoints the checkpoint and restart settings
   * @param failAfter records through the failing map, over all its subtasks, before the failure
   */
  long run(long records, int parallelism, CheckpointSettings checkpoints, long failAfter) throws Exception;
}
