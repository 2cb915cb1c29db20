package weir.api.typeinfo;

import weir.api.annotation.Evolving;

/**
 * Service-provider interface for the generic fallback serializer, used for types no built-in
 * serializer fits when {@link SerializerConfig#enableGenericTypes()} is on. Implementations are
 * found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/weir.api.typeinfo.GenericSerializerProvider} entry), first through the
 * thread's context class loader, then through weir-api's; the first one found is used.
 * weir-runtime provides one based on Kryo.
 *
 * <h3>Threading</h3>
 * {@link #createSerializer} is called at job build time and when a {@link DynamicSerializer} meets
 * a new class; it may be called from several threads and must be thread-safe. The serializers it
 * returns follow the {@link TypeSerializer} threading rules.
 *
 * @since 0.1
 */
@Evolving
public interface GenericSerializerProvider {

  /** A serializer for values of {@code type} and its subclasses. */
  <T> TypeSerializer<T> createSerializer(Class<T> type);
}
