package weir.bench.nexmark;

import java.nio.file.Path;
import java.time.Duration;
import javax.annotation.Nullable;
import weir.bench.foundation.CheckpointSettings;

/**
 * The settings of one Nexmark benchmark run, the same for both engines.
 *
 * @param query the query
 * @param model the events' generator
 * @param events the number of events, {@code 0 .. events-1} of the model
 * @param parallelism every operator's parallelism
 * @param pace events per second of wall-clock time the source is held to (latency mode), 0 for as
 *     fast as it goes
 * @param watermarkDelay the bounded out-of-orderness of the watermarks
 * @param watermarkInterval how often the sources emit watermarks
 * @param latencyWarmup latency mode: rows due within this long of the first event are not
 *     recorded (both engines compile their code and size their heap then)
 * @param checkpoints checkpoint settings, {@code null} for none
 * @param outputDirectory where a query that writes files (q10) writes them
 */
public record NexmarkRun(NexmarkQuery query, NexmarkModel model, long events, int parallelism, long pace,
    Duration watermarkDelay, Duration watermarkInterval, Duration latencyWarmup, @Nullable CheckpointSettings checkpoints,
    Path outputDirectory) {

  /** Where a paced run's latencies are measured from: the model's event time of event 0. */
  long originEventTime() {
    return model.config().baseTime();
  }

  /** What each subtask of the digest sink needs. */
  ResultDigest.Spec digestSpec() {
    return new ResultDigest.Spec(query, originEventTime(), model.config().eventsPerSecond(), pace,
        latencyWarmup.toMillis());
  }
}
