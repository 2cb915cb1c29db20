package weir.api.state;

import java.util.Map;
import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeInfo;

/**
 * Describes a {@link MapState}.
 *
 * @param <UK> the map's key type
 * @param <UV> the map's value type
 * @since 0.1
 */
@Public
public final class MapStateDescriptor<UK, UV> extends StateDescriptor<Map<UK, UV>> {
  private static final long serialVersionUID = 1L;

  private final TypeInfo<UK> keyType;
  private final TypeInfo<UV> valueType;

  public MapStateDescriptor(String name, Class<UK> keyType, Class<UV> valueType) {
    this(name, TypeInfo.of(keyType), TypeInfo.of(valueType));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public MapStateDescriptor(String name, TypeInfo<UK> keyType, TypeInfo<UV> valueType) {
    super(name, (TypeInfo) TypeInfo.of(Map.class));
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    this.valueType = Objects.requireNonNull(valueType, "valueType");
  }

  /** The type of the map's keys. */
  public TypeInfo<UK> getKeyType() {
    return keyType;
  }

  /** The type of the map's values. */
  public TypeInfo<UV> getValueType() {
    return valueType;
  }

  @Override
  boolean supportsTimeToLive() {
    return true;
  }
}
