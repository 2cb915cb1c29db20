package weir.runtime.operators;

/** The clock of processing time; tests substitute one they advance by hand. */
@FunctionalInterface
public interface ProcessingTimeService {
  /** The wall clock. */
  ProcessingTimeService SYSTEM = new ProcessingTimeService() {
    @Override
    public long currentProcessingTime() {
      return System.currentTimeMillis();
    }
  };

  /** The current processing time in milliseconds since the epoch. */
  long currentProcessingTime();
}
