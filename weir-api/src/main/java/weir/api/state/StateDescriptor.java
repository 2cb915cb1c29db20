package weir.api.state;

import java.io.Serializable;
import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeInfo;

/**
 * Names a piece of keyed state and its value type. The name identifies the state within its
 * operator: it is how a restored checkpoint finds the state again, so keep it stable.
 *
 * @param <T> the stored value type
 * @since 0.1
 */
@Public
public abstract class StateDescriptor<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final TypeInfo<T> type;

  protected StateDescriptor(String name, TypeInfo<T> type) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A state descriptor needs a non-empty name");
    }
    this.name = name;
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The state's name, unique within its operator. */
  public String getName() {
    return name;
  }

  /** The type of what the backend stores for each key. */
  public TypeInfo<T> getType() {
    return type;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{name='" + name + "'}";
  }
}
