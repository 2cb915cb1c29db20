package weir.runtime.time;

/**
 * The event timestamp of the record that is passing through a subtask's chain right now. One
 * instance per subtask, shared by its operators and outputs: records travel by direct call, so
 * the timestamp travels beside them in this slot instead of in an envelope object per record.
 * Sources and input channels set it before handing a record on; exchanges carry it in a
 * primitive array next to the record.
 *
 * <p>An operator that emits with another timestamp (windows, timers, timestamp assigners) sets it
 * before emitting and restores the input's timestamp afterwards, so that an operator upstream in
 * the same chain that emits several records sees its own timestamp unchanged.
 *
 * <p>Owned by the subtask's thread.
 */
public final class RecordTimestamp {
  /** The record has no timestamp. */
  public static final long NONE = Long.MIN_VALUE;

  private long value = NONE;

  public long get() {
    return value;
  }

  public void set(long timestamp) {
    this.value = timestamp;
  }

  /** The timestamp boxed for user code, {@code null} when there is none. */
  public Long boxed() {
    return value == NONE ? null : value;
  }
}
