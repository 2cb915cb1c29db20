package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Job-wide choices that steer serializer selection: serializers registered for specific classes
 * (they win over every built-in) and whether the generic fallback may be used for types no
 * built-in serializer fits.
 *
 * <h3>Lifecycle and threading</h3>
 * Mutated while the job is being built, on the building thread, then shipped with the job graph
 * and only read. Registering after serializers were created has no effect on those serializers.
 *
 * @since 0.1
 */
@Evolving
public final class SerializerConfig implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<Class<?>, TypeSerializer<?>> registered = new LinkedHashMap<>();
  private boolean genericTypesEnabled;

  /** Uses {@code serializer} (or its {@link TypeSerializer#duplicate() duplicates}) for values declared as {@code type}. */
  public <T> SerializerConfig registerSerializer(Class<T> type, TypeSerializer<T> serializer) {
    registered.put(Objects.requireNonNull(type), Objects.requireNonNull(serializer));
    return this;
  }

  /** Lets types that no built-in serializer fits use the {@link GenericSerializerProvider} instead of failing. */
  public SerializerConfig enableGenericTypes() {
    genericTypesEnabled = true;
    return this;
  }

  /** Whether {@link #enableGenericTypes()} was called. */
  public boolean isGenericTypesEnabled() {
    return genericTypesEnabled;
  }

  /** The serializer registered for exactly {@code type}, or null. */
  @Nullable
  @SuppressWarnings("unchecked")
  public <T> TypeSerializer<T> registeredSerializer(Class<T> type) {
    return (TypeSerializer<T>) registered.get(type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SerializerConfig other && other.genericTypesEnabled == genericTypesEnabled
        && other.registered.equals(registered);
  }

  @Override
  public int hashCode() {
    return registered.hashCode() * 2 + (genericTypesEnabled ? 1 : 0);
  }

  @Override
  public String toString() {
    return "SerializerConfig{registered=" + registered.keySet() + ", genericTypes=" + genericTypesEnabled + "}";
  }
}
