package weir.runtime.serialization;

import weir.api.typeinfo.GenericSerializerProvider;
import weir.api.typeinfo.TypeSerializer;

/**
 * Supplies {@link KryoSerializer} as the generic fallback for types no built-in serializer fits,
 * when the job enabled generic types. Registered through
 * {@code META-INF/services/weir.api.typeinfo.GenericSerializerProvider}, so having weir-runtime on
 * the class path is enough. Stateless and thread-safe.
 */
public final class KryoGenericSerializerProvider implements GenericSerializerProvider {

  @Override
  public <T> TypeSerializer<T> createSerializer(Class<T> type) {
    return new KryoSerializer<>(type);
  }
}
