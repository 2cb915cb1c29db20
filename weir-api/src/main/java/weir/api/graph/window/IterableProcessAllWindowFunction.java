package weir.api.graph.window;

import java.util.Objects;
import weir.api.datastream.OutputTag;
import weir.api.functions.Collector;
import weir.api.functions.RuntimeContext;
import weir.api.state.KeyedStateStore;
import weir.api.windowing.functions.ProcessAllWindowFunction;
import weir.api.windowing.windows.Window;

/**
 * Evaluates a window of a non-keyed stream with a user {@link ProcessAllWindowFunction}; the key
 * is ignored. The function's context is one object per instance, pointed at the current window
 * and operator context before each call.
 */
final class IterableProcessAllWindowFunction<IN, OUT, KEY, W extends Window>
    implements InternalWindowFunction<Iterable<IN>, OUT, KEY, W> {
  private static final long serialVersionUID = 1L;

  private final ProcessAllWindowFunction<IN, OUT, W> function;
  private transient WindowContext context;

  IterableProcessAllWindowFunction(ProcessAllWindowFunction<IN, OUT, W> function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  @Override
  public void process(KEY key, W window, InternalWindowContext internal, Iterable<IN> input, Collector<OUT> out)
      throws Exception {
    function.process(context(window, internal), input, out);
  }

  @Override
  public void clear(W window, InternalWindowContext internal) throws Exception {
    function.clear(context(window, internal));
  }

  private WindowContext context(W window, InternalWindowContext internal) {
    if (context == null) {
      context = new WindowContext(function);
    }
    context.window = window;
    context.internal = internal;
    return context;
  }

  @Override
  public void open(RuntimeContext runtimeContext) throws Exception {
    function.open(runtimeContext);
  }

  @Override
  public void close() throws Exception {
    function.close();
  }

  @Override
  public String toString() {
    return "Process";
  }

  private final class WindowContext extends ProcessAllWindowFunction<IN, OUT, W>.Context {
    private W window;
    private InternalWindowContext internal;

    WindowContext(ProcessAllWindowFunction<IN, OUT, W> function) {
      function.super();
    }

    @Override
    public W window() {
      return window;
    }

    @Override
    public long currentProcessingTime() {
      return internal.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return internal.currentWatermark();
    }

    @Override
    public KeyedStateStore windowState() {
      return internal.windowState();
    }

    @Override
    public KeyedStateStore globalState() {
      return internal.globalState();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      internal.output(tag, value);
    }
  }
}
