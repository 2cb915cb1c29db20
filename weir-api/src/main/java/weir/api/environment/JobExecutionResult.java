package weir.api.environment;

import java.time.Duration;
import java.util.Map;
import weir.api.annotation.Public;

/**
 * What a finished job reports.
 *
 * @param jobId the job's id
 * @param jobName the job's name
 * @param netRuntime from the start of the first task to the end of the last
 * @param counters the counters of all subtasks, summed by name
 * @since 0.1
 */
@Public
public record JobExecutionResult(String jobId, String jobName, Duration netRuntime, Map<String, Long> counters) {
  public JobExecutionResult {
    counters = Map.copyOf(counters);
  }

  /** The summed value of the named counter, or 0 if no subtask created it. */
  public long getCounter(String name) {
    return counters.getOrDefault(name, 0L);
  }
}
