package weir.api.datastream;

import weir.api.annotation.Internal;
import weir.api.typeinfo.TypeInfo;

/** Derives the output type of a transformation from its user function. */
@Internal
final class TypeInference {
  private TypeInference() {}

  /**
   * The type argument {@code index} of {@code functionInterface} as implemented by {@code
   * function}, or an unknown type that is resolved per record class at run time.
   */
  static <T> TypeInfo<T> output(
      StreamExecutionEnvironment env, Object function, Class<?> functionInterface, int index, boolean isReturn) {
    return TypeInfo.unknown();
  }
}
