package weir.runtime.state;

import javax.annotation.Nullable;
import weir.api.state.StateTtlConfig;

/**
 * Base of the states with time-to-live that the backend hands out for a descriptor with a
 * {@link StateTtlConfig}: a wrapper around a plain heap state ({@link HeapValueState}) that
 * stores the values together with their last-access times ({@link TtlLayout}). States without
 * TTL never go through here, so they pay nothing for it.
 *
 * <p>Every access reads the TTL clock once and ends with a step of incremental cleanup, if the
 * config has one.
 *
 * <p>Owned by the subtask's thread.
 *
 * @param <N> the namespace type
 * @param <S> what the wrapped state stores per (key, namespace)
 */
abstract class TtlState<N, S> implements InternalKvState<N> {
  final HeapValueState<N, S> stored;
  final TtlPolicy policy;
  @Nullable private final TtlIncrementalCleanup<S> cleanup;
  N namespace;

  @SuppressWarnings("unchecked")
  TtlState(HeapValueState<N, S> stored, TtlPolicy policy, @Nullable TtlIncrementalCleanup<S> cleanup) {
    this.stored = stored;
    this.policy = policy;
    this.cleanup = cleanup;
    this.namespace = (N) VoidNamespace.INSTANCE;
  }

  /** The time of an access: read once per access. */
  final long now() {
    return policy.now();
  }

  /**
   * Ends an access at {@code now} with a step of incremental cleanup, if configured. The step runs
   * after the access, so that what the access itself sees follows the visibility setting alone.
   */
  final void accessed(long now) {
    if (cleanup != null) {
      cleanup.step(now);
    }
  }

  @Override
  public final void setCurrentNamespace(N namespace) {
    this.namespace = namespace;
    stored.setCurrentNamespace(namespace);
  }

  @Override
  public final void clear() {
    long now = now();
    stored.clear();
    accessed(now);
  }
}
