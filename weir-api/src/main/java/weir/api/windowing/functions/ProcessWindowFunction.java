package weir.api.windowing.functions;

import weir.api.annotation.Public;
import weir.api.datastream.OutputTag;
import weir.api.functions.AbstractRichFunction;
import weir.api.functions.Collector;
import weir.api.state.KeyedStateStore;
import weir.api.windowing.windows.Window;

/**
 * Evaluates a window of a keyed stream with a context: the window, the clocks, state per window
 * and per key, and side outputs. Used alone ({@code process}) it sees all elements of the window;
 * after an incremental {@code reduce} or {@code aggregate} it sees the one result.
 *
 * <h3>Lifecycle</h3>
 * A rich function: {@link #open} before the first window, {@link #close} after the last.
 * {@link #process} is called each time the window's trigger fires; {@link #clear} when the window
 * is discarded, to delete what the function kept in {@link Context#windowState()}.
 *
 * @param <IN> the type of the window's elements
 * @param <OUT> the type of the emitted records
 * @param <KEY> the type of the key
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /**
   * Evaluates one window.
   *
   * @param key      the key of the window
   * @param context  the window, clocks, state and side outputs; valid during this call
   * @param elements the window's elements
   * @param out      receives the results
   */
  public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

  /** Deletes the per-window state of a window that is being discarded. Does nothing by default. */
  public void clear(Context context) throws Exception {}

  /**
   * What the function knows while it evaluates a window. Valid only during the call it was
   * passed to.
   */
  public abstract class Context {
    /** The window being evaluated. */
    public abstract W window();

    /** The current processing time in milliseconds since the epoch. */
    public abstract long currentProcessingTime();

    /** The current event-time watermark ({@link Long#MIN_VALUE} before the first one). */
    public abstract long currentWatermark();

    /** State scoped to the current key and window; delete it in {@link ProcessWindowFunction#clear}. */
    public abstract KeyedStateStore windowState();

    /** State scoped to the current key, shared by all its windows. */
    public abstract KeyedStateStore globalState();

    /** Emits a record to the side output named by {@code tag}. */
    public abstract <X> void output(OutputTag<X> tag, X value);
  }
}
