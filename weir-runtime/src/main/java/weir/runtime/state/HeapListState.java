package weir.runtime.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import weir.api.state.ListState;

/** {@link ListState} on the heap: an {@link ArrayList} per key. */
final class HeapListState<N, T> extends HeapState<N, ArrayList<T>> implements ListState<T>, InternalMergingState<N> {
  HeapListState(HeapKeyedStateBackend backend, StateTable<N, ArrayList<T>> table) {
    super(backend, table, null);
  }

  @Override
  public Iterable<T> get() {
    ArrayList<T> list = current();
    return list == null ? Collections.emptyList() : Collections.unmodifiableList(list);
  }

  @Override
  public void add(T value) {
    if (value == null) {
      throw new NullPointerException("ListState does not take null elements");
    }
    ArrayList<T> list = current();
    if (list == null) {
      list = new ArrayList<>();
      setCurrent(list);
    }
    list.add(value);
  }

  @Override
  public void update(List<T> values) {
    setCurrent(values == null || values.isEmpty() ? null : checked(new ArrayList<>(values)));
  }

  @Override
  public void addAll(List<T> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    ArrayList<T> list = current();
    if (list == null) {
      setCurrent(checked(new ArrayList<>(values)));
    } else {
      list.addAll(checked(new ArrayList<>(values)));
    }
  }

  private static <T> ArrayList<T> checked(ArrayList<T> values) {
    if (values.contains(null)) {
      throw new NullPointerException("ListState does not take null elements");
    }
    return values;
  }

  @Override
  public void mergeNamespaces(N target, java.util.Collection<N> sources) throws Exception {
    mergeInto(target, sources, (a, b) -> {
      a.addAll(b);
      return a;
    });
  }
}
