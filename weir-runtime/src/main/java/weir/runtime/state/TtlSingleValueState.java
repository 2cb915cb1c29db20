package weir.runtime.state;

import java.util.Collection;
import javax.annotation.Nullable;

/**
 * Base of the TTL states that keep one value per (key, namespace): value, reducing and
 * aggregating state. The value is a {@link TtlValue}, kept as an object or, when the value type
 * has a serializer, as bytes in the arena like any binary heap state.
 *
 * @param <N> the namespace type
 * @param <T> the stored user value type (the accumulator for aggregating state)
 */
abstract class TtlSingleValueState<N, T> extends TtlState<N, TtlValue<T>> {
  private final boolean binary;
  // binary mode: what a write serializes, reused since the bytes are all that is kept
  private final TtlValue<T> scratch = new TtlValue<>(null, 0);

  TtlSingleValueState(HeapValueState<N, TtlValue<T>> stored, TtlPolicy policy,
      @Nullable TtlIncrementalCleanup<TtlValue<T>> cleanup, boolean binary) {
    super(stored, policy, cleanup);
    this.binary = binary;
  }

  /**
   * The value as a read sees it: {@code null} if there is none; if it expired, removed and
   * returned only with {@code ReturnExpiredIfNotCleanedUp}; otherwise returned, its life
   * extended first with {@code OnReadAndWrite}.
   */
  @Nullable
  final T read(long now) {
    TtlValue<T> v = stored.current();
    if (v == null) {
      return null;
    }
    if (policy.isExpired(v.lastAccess, now)) {
      stored.clear();
      return policy.returnExpired ? v.value : null;
    }
    if (policy.updateOnRead) {
      touch(v, now);
    }
    return v.value;
  }

  /** The value if it has not expired, for a write to build on; removes an expired one. */
  @Nullable
  final T unexpired(long now) {
    TtlValue<T> v = stored.current();
    if (v == null) {
      return null;
    }
    if (policy.isExpired(v.lastAccess, now)) {
      stored.clear();
      return null;
    }
    return v.value;
  }

  /** Stores {@code value} (non-null) accessed at {@code now}. */
  final void write(T value, long now) {
    if (binary) {
      scratch.value = value;
      scratch.lastAccess = now;
      stored.setCurrent(scratch);
      scratch.value = null;
      return;
    }
    TtlValue<T> v = stored.current();
    if (v == null) {
      stored.setCurrent(new TtlValue<>(value, now));
    } else {
      v.value = value;
      v.lastAccess = now;
    }
  }

  private void touch(TtlValue<T> v, long now) {
    if (binary) {
      // the read returned a copy: write the new time back
      write(v.value, now);
    } else {
      v.lastAccess = now;
    }
  }

  /**
   * Merges the unexpired values of {@code sources} into {@code target} with {@code merger},
   * removing them from the sources; the merged value counts as written now. Keeps the current
   * namespace.
   */
  final void mergeValues(N target, Collection<N> sources, HeapState.ValueMerger<T> merger) throws Exception {
    long now = now();
    N saved = namespace;
    T merged = null;
    for (N source : sources) {
      if (source.equals(target)) {
        continue;
      }
      setCurrentNamespace(source);
      T value = unexpired(now);
      if (value != null) {
        stored.clear();
        merged = merged == null ? value : merger.merge(merged, value);
      }
    }
    if (merged != null) {
      setCurrentNamespace(target);
      T existing = unexpired(now);
      write(existing == null ? merged : merger.merge(existing, merged), now);
    }
    setCurrentNamespace(saved);
    accessed(now);
  }
}
