package weir.api.windowing.assigners;

import java.util.Collection;
import java.util.List;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeSerializer;
import weir.api.windowing.triggers.NeverTrigger;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.GlobalWindow;
import weir.api.windowing.windows.GlobalWindowSerializer;

/**
 * Puts all records of a key into the one {@link GlobalWindow}. Its default trigger never fires,
 * so set a trigger (and usually an evictor) of your own:
 *
 * <pre>{@code
 * stream.keyBy(Reading::sensor)
 *     .window(GlobalWindows.create())
 *     .trigger(PurgingTrigger.of(CountTrigger.of(100)))
 *     .reduce(Reading::max)
 * }</pre>
 *
 * @since 0.1
 */
@Public
public final class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
  private static final long serialVersionUID = 1L;

  private static final List<GlobalWindow> GLOBAL = List.of(GlobalWindow.get());

  private GlobalWindows() {}

  /** The global window assigner, with a trigger that never fires. */
  public static GlobalWindows create() {
    return new GlobalWindows();
  }

  @Override
  public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    return GLOBAL;
  }

  @Override
  public Trigger<Object, GlobalWindow> getDefaultTrigger() {
    return NeverTrigger.create();
  }

  @Override
  public TypeSerializer<GlobalWindow> getWindowSerializer() {
    return GlobalWindowSerializer.INSTANCE;
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return "GlobalWindows()";
  }
}
