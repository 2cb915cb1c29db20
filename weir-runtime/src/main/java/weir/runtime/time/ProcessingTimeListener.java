package weir.runtime.time;

/** Something in a subtask that acts when processing time reaches a point: timers, periodic watermarks. */
public interface ProcessingTimeListener {
  /** The next time this listener needs to act at, or {@code Long.MAX_VALUE} for none. */
  long nextProcessingTime();

  /** Processing time has reached {@code now}; act on everything due. */
  void onProcessingTime(long now) throws Exception;
}
