package weir.runtime.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;
import weir.api.state.ListState;

/**
 * {@link ListState} with time-to-live per element: each element keeps the time it was added (and,
 * with {@code OnReadAndWrite}, last read). A read returns the elements that have not expired
 * (with {@code ReturnExpiredIfNotCleanedUp}, the expired ones still stored too) and removes the
 * expired ones.
 */
final class TtlListState<N, T> extends TtlState<N, ArrayList<TtlValue<T>>>
    implements ListState<T>, InternalMergingState<N> {
  TtlListState(HeapValueState<N, ArrayList<TtlValue<T>>> stored, TtlPolicy policy,
      @Nullable TtlIncrementalCleanup<ArrayList<TtlValue<T>>> cleanup) {
    super(stored, policy, cleanup);
  }

  @Override
  public Iterable<T> get() {
    long now = now();
    Iterable<T> visible = visible(now);
    accessed(now);
    return visible;
  }

  private Iterable<T> visible(long now) {
    ArrayList<TtlValue<T>> list = stored.current();
    if (list == null) {
      return Collections.emptyList();
    }
    ArrayList<T> visible = new ArrayList<>(list.size());
    boolean anyExpired = false;
    for (int i = 0; i < list.size(); i++) {
      TtlValue<T> element = list.get(i);
      if (policy.isExpired(element.lastAccess, now)) {
        anyExpired = true;
        if (policy.returnExpired) {
          visible.add(element.value);
        }
      } else {
        if (policy.updateOnRead) {
          element.lastAccess = now;
        }
        visible.add(element.value);
      }
    }
    if (anyExpired && TtlLayout.removeExpired(list, now, policy) == 0) {
      stored.clear();
    }
    return Collections.unmodifiableList(visible);
  }

  @Override
  public void add(T value) {
    if (value == null) {
      throw new NullPointerException("ListState does not take null elements");
    }
    long now = now();
    ArrayList<TtlValue<T>> list = stored.current();
    if (list == null) {
      list = new ArrayList<>();
      stored.setCurrent(list);
    }
    list.add(new TtlValue<>(value, now));
    accessed(now);
  }

  @Override
  public void update(List<T> values) {
    long now = now();
    if (values == null || values.isEmpty()) {
      stored.clear();
    } else {
      stored.setCurrent(wrap(values, now, new ArrayList<>(values.size())));
    }
    accessed(now);
  }

  @Override
  public void addAll(List<T> values) {
    long now = now();
    if (values != null && !values.isEmpty()) {
      ArrayList<TtlValue<T>> list = stored.current();
      if (list == null) {
        stored.setCurrent(wrap(values, now, new ArrayList<>(values.size())));
      } else {
        wrap(values, now, list);
      }
    }
    accessed(now);
  }

  /** Appends {@code values}, accessed at {@code now}, to {@code into}; all or none of them. */
  private static <T> ArrayList<TtlValue<T>> wrap(List<T> values, long now, ArrayList<TtlValue<T>> into) {
    for (T value : values) {
      if (value == null) {
        throw new NullPointerException("ListState does not take null elements");
      }
    }
    into.ensureCapacity(into.size() + values.size());
    for (T value : values) {
      into.add(new TtlValue<>(value, now));
    }
    return into;
  }

  /** Appends the unexpired elements of {@code sources}, with their times, to {@code target}. */
  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    long now = now();
    N saved = namespace;
    ArrayList<TtlValue<T>> merged = null;
    for (N source : sources) {
      if (source.equals(target)) {
        continue;
      }
      setCurrentNamespace(source);
      ArrayList<TtlValue<T>> list = stored.current();
      if (list != null) {
        stored.clear();
        TtlLayout.removeExpired(list, now, policy);
        if (merged == null) {
          merged = list;
        } else {
          merged.addAll(list);
        }
      }
    }
    if (merged != null && !merged.isEmpty()) {
      setCurrentNamespace(target);
      ArrayList<TtlValue<T>> existing = stored.current();
      if (existing == null) {
        stored.setCurrent(merged);
      } else {
        existing.addAll(merged);
      }
    }
    setCurrentNamespace(saved);
    accessed(now);
  }
}
