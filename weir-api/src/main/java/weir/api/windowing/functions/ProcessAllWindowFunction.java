package weir.api.windowing.functions;

import weir.api.annotation.Public;
import weir.api.datastream.OutputTag;
import weir.api.functions.AbstractRichFunction;
import weir.api.functions.Collector;
import weir.api.state.KeyedStateStore;
import weir.api.windowing.windows.Window;

/**
 * Evaluates a window of a non-keyed stream ({@code windowAll}) with a context: the window, the
 * clocks, per-window and global state, and side outputs. Used alone ({@code process}) it sees all
 * elements of the window; after an incremental {@code reduce} or {@code aggregate} it sees the one
 * result.
 *
 * <h3>Lifecycle</h3>
 * As for {@link ProcessWindowFunction}.
 *
 * @param <IN> the type of the window's elements
 * @param <OUT> the type of the emitted records
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /**
   * Evaluates one window.
   *
   * @param context  the window, clocks, state and side outputs; valid during this call
   * @param elements the window's elements
   * @param out      receives the results
   */
  public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

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

    /** State scoped to the current window; delete it in {@link ProcessAllWindowFunction#clear}. */
    public abstract KeyedStateStore windowState();

    /** State shared by all windows. */
    public abstract KeyedStateStore globalState();

    /** Emits a record to the side output named by {@code tag}. */
    public abstract <X> void output(OutputTag<X> tag, X value);
  }
}
