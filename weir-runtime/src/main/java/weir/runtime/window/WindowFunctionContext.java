package weir.runtime.window;

import weir.api.datastream.OutputTag;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.state.KeyedStateStore;
import weir.api.windowing.assigners.MergingWindowAssigner;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.windows.Window;
import weir.runtime.operators.Output;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.VoidNamespace;
import weir.runtime.time.InternalTimerService;

/**
 * What the window function sees while it evaluates or clears a window: clocks, state per window
 * and per key, side outputs. One instance per operator, pointed at the window before each call.
 *
 * <p>Owned by the subtask's thread.
 */
final class WindowFunctionContext<W extends Window> implements InternalWindowFunction.InternalWindowContext {
  private final InternalTimerService<?> timers;
  private final Output<?> output;
  private final WindowStateStore windowState;
  private final WindowStateStore globalState;

  private WindowFunctionContext(InternalTimerService<?> timers, Output<?> output, WindowStateStore windowState,
      WindowStateStore globalState) {
    this.timers = timers;
    this.output = output;
    this.windowState = windowState;
    this.globalState = globalState;
  }

  /**
   * The context of a window operator whose windows come from {@code assigner}, with state in
   * {@code backend}; per-window state is refused for a merging assigner, whose merges it could
   * not follow (Flink refuses it too).
   */
  static <W extends Window> WindowFunctionContext<W> of(WindowAssigner<?, W> assigner, HeapKeyedStateBackend backend,
      InternalTimerService<?> timers, Output<?> output) {
    String refusal = assigner instanceof MergingWindowAssigner<?, ?>
        ? "Per-window state is not allowed with merging windows (" + assigner + ")" : null;
    return new WindowFunctionContext<>(timers, output, new WindowStateStore(backend, VoidNamespace.INSTANCE, refusal),
        new WindowStateStore(backend, VoidNamespace.INSTANCE, null));
  }

  /** Makes the following calls refer to {@code window}. */
  void setWindow(W window) {
    windowState.setNamespace(window);
  }

  @Override
  public long currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public KeyedStateStore windowState() {
    return windowState;
  }

  @Override
  public KeyedStateStore globalState() {
    return globalState;
  }

  @Override
  public <X> void output(OutputTag<X> tag, X value) {
    if (tag == null) {
      throw new NullPointerException("context.output needs an OutputTag");
    }
    output.collect(tag, value);
  }
}
