package weir.runtime.operators;

import java.lang.invoke.MethodHandles;
import java.util.Map;
import weir.runtime.exchange.RecordWriter;
import weir.runtime.time.RecordTimestamp;

/**
 * Creates the operators and outputs of chains, each as its own specialized class (see {@link
 * Specialization}).
 */
public final class Operators {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private Operators() {}

  /**
   * A new, specialized instance of {@code template} in this package, typed as one of the
   * interfaces it implements.
   */
  public static <T> T create(Class<?> template, Object... args) {
    return Specialization.instantiate(LOOKUP, template, args);
  }

  /**
   * Like {@link #create}, but sharing the specialized class with the other subtasks of the
   * vertex: {@code copies} holds the vertex's copies by place.
   */
  public static <T> T createShared(Map<String, Class<?>> copies, String place, Class<?> template, Object... args) {
    return Specialization.instantiate(LOOKUP, copies, place, template, args);
  }

  /** An output that feeds {@code next} by a direct call. */
  public static <T> Output<T> chainingOutput(OneInputOperator<T> next) {
    return create(ChainingOutput.class, next);
  }

  /** An output that writes into an exchange. */
  public static <T> Output<T> writerOutput(RecordWriter writer, String edgeName, RecordTimestamp timestamp) {
    return create(WriterOutput.class, writer, edgeName, timestamp);
  }
}
