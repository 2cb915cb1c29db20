package weir.api.state;

import weir.api.annotation.Public;
import weir.api.typeinfo.TypeInfo;

/**
 * Describes a {@link ListState}; the type is the element type.
 *
 * @param <T> the element type
 * @since 0.1
 */
@Public
public final class ListStateDescriptor<T> extends StateDescriptor<T> {
  private static final long serialVersionUID = 1L;

  public ListStateDescriptor(String name, Class<T> elementType) {
    this(name, TypeInfo.of(elementType));
  }

  public ListStateDescriptor(String name, TypeInfo<T> elementType) {
    super(name, elementType);
  }

  @Override
  boolean supportsTimeToLive() {
    return true;
  }
}
