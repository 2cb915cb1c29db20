package weir.api.state;

import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.functions.ReduceFunction;
import weir.api.typeinfo.TypeInfo;

/**
 * Describes a {@link ReducingState}.
 *
 * @param <T> the value type
 * @since 0.1
 */
@Public
public final class ReducingStateDescriptor<T> extends StateDescriptor<T> {
  private static final long serialVersionUID = 1L;

  private final ReduceFunction<T> reduceFunction;

  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
    this(name, reduceFunction, TypeInfo.of(type));
  }

  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInfo<T> type) {
    super(name, type);
    this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
  }

  /** The function that combines the stored value with each added one. */
  public ReduceFunction<T> getReduceFunction() {
    return reduceFunction;
  }

  @Override
  boolean supportsTimeToLive() {
    return true;
  }
}
