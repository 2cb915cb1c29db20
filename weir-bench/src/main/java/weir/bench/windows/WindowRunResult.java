package weir.bench.windows;

import weir.bench.foundation.RunResult;

/**
 * The measurements of one window benchmark run.
 *
 * @param run timings and counts as in the foundation benchmark; its {@code sinkCount} is the
 *     number of window results the sink received
 * @param checksum the sum over all sink subtasks of {@link ResultChecksum#checksum()}
 * @param countTotal the sum of the counts of all window results
 */
public record WindowRunResult(RunResult run, long checksum, long countTotal) {}
