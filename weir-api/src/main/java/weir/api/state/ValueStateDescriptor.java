package weir.api.state;

import weir.api.annotation.Public;
import weir.api.typeinfo.TypeInfo;

/**
 * Describes a {@link ValueState}.
 *
 * @param <T> the value type
 * @since 0.1
 */
@Public
public final class ValueStateDescriptor<T> extends StateDescriptor<T> {
  private static final long serialVersionUID = 1L;

  public ValueStateDescriptor(String name, Class<T> type) {
    this(name, TypeInfo.of(type));
  }

  public ValueStateDescriptor(String name, TypeInfo<T> type) {
    super(name, type);
  }

  @Override
  boolean supportsTimeToLive() {
    return true;
  }
}
