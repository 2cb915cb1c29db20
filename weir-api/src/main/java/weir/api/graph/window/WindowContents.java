package weir.api.graph.window;

import java.io.Serializable;
import java.util.Objects;
import weir.api.annotation.Internal;
import weir.api.functions.AggregateFunction;
import weir.api.functions.ReduceFunction;

/**
 * How a window operator keeps the contents of each window, in keyed state with the window as
 * namespace, and so what its {@link InternalWindowFunction} is given when the window fires.
 */
@Internal
public sealed interface WindowContents extends Serializable {
  /**
   * Every element, in a list state of the element type; the window function gets an
   * {@code Iterable} of them. Windows with an evictor always keep their contents this way, each
   * element with its timestamp.
   */
  record Elements() implements WindowContents {}

  /**
   * The reduction of the elements, in a reducing state of the element type with this reduce
   * function; the window function gets the reduced value.
   */
  record Reduce(ReduceFunction<?> function) implements WindowContents {
    public Reduce {
      Objects.requireNonNull(function, "function");
    }
  }

  /**
   * The accumulator of the elements, in an aggregating state of the accumulator type with this
   * aggregate function; the window function gets {@code getResult} of the accumulator.
   */
  record Aggregate(AggregateFunction<?, ?, ?> function) implements WindowContents {
    public Aggregate {
      Objects.requireNonNull(function, "function");
    }
  }
}
