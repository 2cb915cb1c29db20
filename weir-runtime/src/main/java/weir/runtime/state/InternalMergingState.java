package weir.runtime.state;

import java.util.Collection;

/**
 * A keyed state whose values can be combined: list, reducing and aggregating state. Merging
 * windows (sessions) move the contents of the windows they merge into one.
 *
 * @param <N> the namespace type
 */
public interface InternalMergingState<N> extends InternalKvState<N> {
  /**
   * Merges the values of the current key in {@code sources} into {@code target} and removes them
   * from the sources. The current namespace is unchanged afterwards.
   */
  void mergeNamespaces(N target, Collection<N> sources) throws Exception;
}
