package weir.api.windowing.windows;

import weir.api.annotation.Public;

/**
 * The one window that holds all records of a key, used by
 * {@link weir.api.windowing.assigners.GlobalWindows}. It never ends by itself: a trigger other
 * than the default one decides when to evaluate it.
 *
 * @since 0.1
 */
@Public
public final class GlobalWindow extends Window {
  private static final GlobalWindow INSTANCE = new GlobalWindow();

  private GlobalWindow() {}

  /** The global window. */
  public static GlobalWindow get() {
    return INSTANCE;
  }

  /** {@link Long#MAX_VALUE}: the global window is never complete. */
  @Override
  public long maxTimestamp() {
    return Long.MAX_VALUE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GlobalWindow;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "GlobalWindow";
  }
}
