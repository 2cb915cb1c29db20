package weir.runtime.window;

import java.util.ArrayList;
import java.util.Iterator;
import weir.api.functions.Collector;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.graph.window.InternalWindowFunction.InternalWindowContext;
import weir.api.state.ListState;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.evictors.TimestampedValue;
import weir.api.windowing.windows.Window;
import weir.runtime.time.RecordTimestamp;

/**
 * Window contents for an evictor, as Flink's {@code EvictingWindowOperator} keeps them: every
 * element with its timestamp, in a list state. Firing lets the evictor remove elements before the
 * window function sees them and after, and keeps what remains; reduce and aggregate functions come
 * already folded into the window function, so they run over what the evictor leaves.
 */
final class EvictingWindowContents<K, T, OUT, W extends Window> extends WindowContentsStore<K, T, OUT, W> {
  private final ListState<TimestampedValue<T>> state;
  private final Evictor<T, W> evictor;
  private final InternalWindowFunction<Iterable<T>, OUT, K, W> function;
  private final Evictor.EvictorContext clocks;
  // the elements of the window being fired, which the evictor removes from; reused across firings
  private final ArrayList<TimestampedValue<T>> elements = new ArrayList<>();

  /**
   * @param state a heap list state
   * @param clocks what the evictor may read
   */
  EvictingWindowContents(ListState<TimestampedValue<T>> state, Evictor<T, W> evictor,
      InternalWindowFunction<Iterable<T>, OUT, K, W> function, Evictor.EvictorContext clocks) {
    super(state);
    this.state = state;
    this.evictor = evictor;
    this.function = function;
    this.clocks = clocks;
  }

  @Override
  void add(T record, long timestamp) {
    state.add(timestamp == RecordTimestamp.NONE ? new TimestampedValue<>(record) : new TimestampedValue<>(record, timestamp));
  }

  @Override
  boolean emit(K key, W window, InternalWindowContext context, Collector<OUT> out) throws Exception {
    for (TimestampedValue<T> element : state.get()) {
      elements.add(element);
    }
    if (elements.isEmpty()) {
      return false;
    }
    try {
      evictor.evictBefore(elements, elements.size(), window, clocks);
      function.process(key, window, context, new Values<>(elements), out);
      evictor.evictAfter(elements, elements.size(), window, clocks);
      state.update(elements);
    } finally {
      elements.clear();
    }
    return true;
  }

  /** The values of the elements, without their timestamps: what the window function iterates. */
  private static final class Values<T> implements Iterable<T> {
    private final ArrayList<TimestampedValue<T>> elements;

    Values(ArrayList<TimestampedValue<T>> elements) {
      this.elements = elements;
    }

    @Override
    public Iterator<T> iterator() {
      Iterator<TimestampedValue<T>> it = elements.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public T next() {
          return it.next().getValue();
        }
      };
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("[");
      for (TimestampedValue<T> element : elements) {
        s.append(s.length() == 1 ? "" : ", ").append(element.getValue());
      }
      return s.append(']').toString();
    }
  }
}
