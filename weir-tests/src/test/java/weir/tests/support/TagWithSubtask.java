package weir.tests.support;

import weir.api.functions.MapFunction;
import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;

/** Pairs each record with the index of the subtask that mapped it. */
public final class TagWithSubtask<T> implements MapFunction<T, TagWithSubtask.Tagged<T>>, RichFunction {
  private static final long serialVersionUID = 1L;

  /** A record and the subtask it passed. */
  public record Tagged<T>(int subtask, T value) implements java.io.Serializable {}

  private transient int subtask;

  @Override
  public void open(RuntimeContext context) {
    subtask = context.getSubtaskIndex();
  }

  @Override
  public Tagged<T> map(T value) {
    return new Tagged<>(subtask, value);
  }
}
