package weir.api.windowing.assigners;

import java.io.Serializable;
import java.util.Collection;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeSerializer;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.Window;

/**
 * Puts each record into zero or more windows: one for tumbling windows, several for sliding
 * ones, a fresh one per record for sessions (which a {@link MergingWindowAssigner} then merges).
 *
 * <h3>Contract</h3>
 * <ul>
 *   <li>{@link #assignWindows} is a pure function of the record, its timestamp and (for
 *       processing-time assigners) the current processing time. It is called once per record on
 *       the hot path: keep it cheap.</li>
 *   <li>The windows it returns are values (see {@link Window}) that the serializer from
 *       {@link #getWindowSerializer()} can write: they are the namespace of window state and are
 *       stored in checkpoints.</li>
 *   <li>{@link #getDefaultTrigger()} is the trigger used unless the window stream sets another.</li>
 * </ul>
 *
 * <h3>Threading</h3>
 * Each subtask has its own copy of the assigner, called from its own thread only.
 *
 * @param <T> the type of the records
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The windows {@code element} belongs to.
   *
   * @param element   the record
   * @param timestamp the record's event timestamp, {@link weir.api.eventtime.TimestampAssigner#NO_TIMESTAMP}
   *                  if it has none
   * @param context   gives the current processing time
   */
  public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

  /** The trigger used for this assigner's windows unless another one is set. */
  public abstract Trigger<T, W> getDefaultTrigger();

  /** A serializer for this assigner's windows. */
  public abstract TypeSerializer<W> getWindowSerializer();

  /**
   * Whether the windows are defined in event time: then the watermark completes them, the
   * allowed lateness applies, and records behind the watermark are late.
   */
  public abstract boolean isEventTime();

  /** What an assigner may ask of the runtime while assigning. */
  public interface WindowAssignerContext {
    /** The current processing time in milliseconds since the epoch. */
    long getCurrentProcessingTime();
  }
}
