package weir.api.eventtime;

import java.io.Serializable;
import weir.api.annotation.Public;

/**
 * Creates a {@link WatermarkGenerator} for each split or subtask; shipped with the job.
 *
 * @param <T> the record type
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
  /** A new generator. */
  WatermarkGenerator<T> createWatermarkGenerator(Context context);

  /** What a generator may use from the runtime. */
  @Public
  interface Context {
    /**
     * The subtask's processing time in milliseconds; in tests, the clock the test controls.
     * Generators that detect idleness measure with it.
     */
    long currentProcessingTime();
  }
}
