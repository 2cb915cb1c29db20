package weir.api.graph.window;

import java.util.Objects;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.RuntimeContext;
import weir.api.graph.FunctionLifecycle;
import weir.api.windowing.windows.Window;

/**
 * Aggregates all elements of a window when it fires, then evaluates the result: the form an
 * aggregate takes on an evicting window, whose elements are kept until the evictor has seen them.
 */
final class AggregateApplyWindowFunction<T, A, R, OUT, KEY, W extends Window>
    implements InternalWindowFunction<Iterable<T>, OUT, KEY, W> {
  private static final long serialVersionUID = 1L;

  private final AggregateFunction<T, A, R> aggregator;
  private final InternalWindowFunction<R, OUT, KEY, W> then;

  AggregateApplyWindowFunction(AggregateFunction<T, A, R> aggregator, InternalWindowFunction<R, OUT, KEY, W> then) {
    this.aggregator = Objects.requireNonNull(aggregator, "aggregator");
    this.then = Objects.requireNonNull(then, "then");
  }

  @Override
  public void process(KEY key, W window, InternalWindowContext context, Iterable<T> input, Collector<OUT> out)
      throws Exception {
    A accumulator = aggregator.createAccumulator();
    for (T value : input) {
      accumulator = aggregator.add(value, accumulator);
    }
    then.process(key, window, context, aggregator.getResult(accumulator), out);
  }

  @Override
  public void clear(W window, InternalWindowContext context) throws Exception {
    then.clear(window, context);
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    FunctionLifecycle.open(aggregator, context);
    then.open(context);
  }

  @Override
  public void close() throws Exception {
    try {
      FunctionLifecycle.close(aggregator);
    } finally {
      then.close();
    }
  }

  @Override
  public String toString() {
    return "Aggregate, " + then;
  }
}
