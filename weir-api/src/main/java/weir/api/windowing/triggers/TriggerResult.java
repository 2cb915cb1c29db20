package weir.api.windowing.triggers;

import weir.api.annotation.Public;

/**
 * What a {@link Trigger} tells the window operator to do with a window: evaluate it (fire),
 * clear its contents (purge), both, or nothing.
 *
 * @since 0.1
 */
@Public
public enum TriggerResult {
  /** Nothing happens to the window. */
  CONTINUE(false, false),

  /** The window function is evaluated and the contents are cleared. */
  FIRE_AND_PURGE(true, true),

  /** The window function is evaluated; the contents stay, so a later firing sees them again. */
  FIRE(true, false),

  /** The contents are cleared without evaluation. Window metadata and timers stay. */
  PURGE(false, true);

  private final boolean fire;
  private final boolean purge;

  TriggerResult(boolean fire, boolean purge) {
    this.fire = fire;
    this.purge = purge;
  }

  /** Whether the window function is evaluated. */
  public boolean isFire() {
    return fire;
  }

  /** Whether the window contents are cleared. */
  public boolean isPurge() {
    return purge;
  }
}
