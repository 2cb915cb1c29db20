package weir.runtime.state;

import weir.api.state.State;

/**
 * A keyed state as the runtime sees it: scoped to the backend's current key and to a namespace
 * the operator sets (window operators use the window; everything else the void namespace).
 *
 * @param <N> the namespace type
 */
public interface InternalKvState<N> extends State {
  /** Scopes the state to {@code namespace} until the next call. */
  void setCurrentNamespace(N namespace);
}
