package weir.api.windowing.windows;

import weir.api.annotation.Public;

/**
 * A bucket of records: what a {@link weir.api.windowing.assigners.WindowAssigner} puts each
 * record into, and what a {@link weir.api.windowing.triggers.Trigger} fires. Window state lives
 * in keyed state with the window as namespace, so windows are values: implementations are
 * immutable and implement {@code equals} and {@code hashCode}, and their assigner supplies a
 * serializer for them.
 *
 * @since 0.1
 */
@Public
public abstract class Window {
  /**
   * The largest timestamp that still belongs to this window. An event-time window is complete,
   * and its contents may be dropped after the allowed lateness, once the watermark passes it.
   */
  public abstract long maxTimestamp();
}
