package weir.api.windowing.triggers;

import java.io.Serializable;
import weir.api.annotation.Public;
import weir.api.state.KeyedStateStore;
import weir.api.state.StateDescriptor;
import weir.api.windowing.windows.Window;

/**
 * Decides when a window is evaluated and when its contents are cleared. The window operator
 * calls the trigger for every record added to a window, and for every timer the trigger
 * registered; each call returns a {@link TriggerResult}.
 *
 * <h3>Lifecycle</h3>
 * A trigger instance serves all keys and windows of a subtask, so it keeps no per-window data in
 * fields: what it must remember goes into the state of its {@link TriggerContext}, which is
 * scoped to the current key and window. When a window is discarded (after the watermark passed
 * its end plus the allowed lateness, or when it was merged into another) {@link #clear} must
 * delete the trigger's timers and state of that window.
 *
 * <h3>Merging windows</h3>
 * Triggers used with a merging assigner (sessions) return {@code true} from {@link #canMerge()}
 * and implement {@link #onMerge}, which re-registers timers for the merged window and merges the
 * trigger's state with {@link OnMergeContext#mergePartitionedState}.
 *
 * <h3>Threading</h3>
 * All calls come from the subtask's thread; never from another one.
 *
 * @param <T> the type of the records the trigger sees
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public abstract class Trigger<T, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Called for every record added to a window.
   *
   * @param element   the record
   * @param timestamp the record's timestamp
   *                  ({@link weir.api.eventtime.TimestampAssigner#NO_TIMESTAMP} if it has none)
   * @param window    the window the record was added to
   * @param ctx       timers and state of the current key and window
   */
  public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

  /** Called when an event-time timer of this trigger for {@code window} fires, at watermark {@code time}. */
  public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

  /** Called when a processing-time timer of this trigger for {@code window} fires. */
  public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

  /** Whether this trigger supports merging windows, and so may be used with session windows. */
  public boolean canMerge() {
    return false;
  }

  /**
   * Called when windows were merged into {@code window}; the state of the merged windows is
   * still reachable through {@link OnMergeContext#mergePartitionedState}.
   *
   * @throws UnsupportedOperationException unless overridden by a trigger that can merge
   */
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " does not support merging windows");
  }

  /** Deletes the timers and state this trigger keeps for {@code window}, which is being discarded. */
  public abstract void clear(W window, TriggerContext ctx) throws Exception;

  /**
   * What a trigger can do while it handles a call: read the clocks, set and delete timers for the
   * current key and window, and keep state for them. Replaces Flink's
   * {@code getPartitionedState(descriptor)} with the typed getters of {@link KeyedStateStore};
   * every handle they return is scoped to the current key <em>and window</em>.
   *
   * <p>Valid only during the call it was passed to.
   */
  public interface TriggerContext extends KeyedStateStore {
    /** The current processing time in milliseconds since the epoch. */
    long getCurrentProcessingTime();

    /** The current event-time watermark ({@link Long#MIN_VALUE} before the first one). */
    long getCurrentWatermark();

    /**
     * Asks for {@link Trigger#onProcessingTime} to be called for the current window when the
     * processing time reaches {@code time}. Registering the same time twice fires once.
     */
    void registerProcessingTimeTimer(long time);

    /**
     * Asks for {@link Trigger#onEventTime} to be called for the current window when the
     * watermark reaches {@code time}. Registering the same time twice fires once.
     */
    void registerEventTimeTimer(long time);

    /** Deletes a processing-time timer of the current window; does nothing if there is none. */
    void deleteProcessingTimeTimer(long time);

    /** Deletes an event-time timer of the current window; does nothing if there is none. */
    void deleteEventTimeTimer(long time);
  }

  /** The context of {@link Trigger#onMerge}: the window it refers to is the merged window. */
  public interface OnMergeContext extends TriggerContext {
    /**
     * Merges the state described by {@code descriptor} of all windows that were merged into the
     * current window. Works for list, reducing and aggregating state.
     *
     * @throws UnsupportedOperationException for value and map state, which cannot be merged
     */
    void mergePartitionedState(StateDescriptor<?> descriptor);
  }
}
