/**
 * Serialization internals of the runtime: the Kryo-based generic fallback
 * ({@link weir.runtime.serialization.KryoSerializer}), plugged into weir-api's type system through
 * {@link weir.runtime.serialization.KryoGenericSerializerProvider}.
 */
package weir.runtime.serialization;
