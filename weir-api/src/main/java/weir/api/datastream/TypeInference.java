package weir.api.datastream;

import weir.api.annotation.Internal;
import weir.api.connector.source.Source;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.connector.source.lib.GeneratorFunction;
import weir.api.typeinfo.TypeExtractor;
import weir.api.typeinfo.TypeInfo;

/**
 * Derives the output type of a transformation from its user function at build time, and checks
 * that declared types can be serialized, so that a type without a serializer fails before the job
 * is submitted, with a message naming it.
 */
@Internal
final class TypeInference {
  private TypeInference() {}

  /**
   * The type argument {@code index} of {@code functionInterface} as implemented by {@code
   * function}, or an unknown type that is resolved per record class at run time.
   */
  @SuppressWarnings("unchecked")
  static <T> TypeInfo<T> output(StreamExecutionEnvironment env, Object function, Class<?> functionInterface, int index) {
    return (TypeInfo<T>) TypeExtractor.outputTypeOf(function, functionInterface, index, env.getConfig().getSerializerConfig());
  }

  /**
   * The record type of a source: from the generator function of a {@link DataGeneratorSource},
   * from the type arguments a source class binds, else unknown.
   */
  static <T> TypeInfo<T> ofSource(StreamExecutionEnvironment env, Source<T, ?, ?> source) {
    if (source instanceof DataGeneratorSource<?> generator) {
      return output(env, generator.generator(), GeneratorFunction.class, 0);
    }
    try {
      return output(env, source, Source.class, 0);
    } catch (IllegalArgumentException notDerivable) {
      return TypeInfo.unknown();
    }
  }

  /** Checks that {@code type} has a serializer; returns it for chaining. */
  static <T> TypeInfo<T> checked(StreamExecutionEnvironment env, TypeInfo<T> type) {
    if (!type.isUnknown()) {
      type.createSerializer(env.getConfig().getSerializerConfig());
    }
    return type;
  }
}
