package weir.api.datastream;

import java.lang.invoke.MethodType;
import javax.annotation.Nullable;
import weir.api.functions.KeySelector;
import weir.api.graph.PartitionTransformation;
import weir.api.graph.Transformation;
import weir.api.typeinfo.InvalidTypeException;
import weir.api.typeinfo.TypeExtractor;
import weir.api.typeinfo.TypeInfo;

/** What joins of two streams check and say about their inputs at build time. */
final class JoinInputs {
  private JoinInputs() {}

  /**
   * Generics make both key types equal at compile time; this catches what raw types and unchecked
   * casts let through when both key selectors declare their key type.
   *
   * @param join names the join in the message, e.g. "The interval join of 'a' and 'b'"
   * @throws InvalidProgramException naming both inputs and key types if the types cannot be equal
   */
  static void checkSameKeyType(StreamExecutionEnvironment env, String join, DataStream<?> left,
      KeySelector<?, ?> leftKey, DataStream<?> right, KeySelector<?, ?> rightKey) {
    Class<?> leftClass = keyClass(env, leftKey);
    Class<?> rightClass = keyClass(env, rightKey);
    if (leftClass != null && rightClass != null && !leftClass.isAssignableFrom(rightClass)
        && !rightClass.isAssignableFrom(leftClass)) {
      throw new InvalidProgramException(join + " needs keys of the same type on both inputs, but '"
          + nameOf(left) + "' is keyed by " + leftClass.getName() + " and '" + nameOf(right) + "' by "
          + rightClass.getName() + ": key both streams by the same type, or no records would ever meet");
    }
  }

  /** The name of the operator that produces {@code stream}, looking through partitionings such as keyBy. */
  static String nameOf(DataStream<?> stream) {
    Transformation<?> t = stream.getTransformation();
    while (t instanceof PartitionTransformation<?> partition) {
      t = partition.getInput();
    }
    return t.getName();
  }

  /** The class of the keys {@code selector} returns, boxed; {@code null} when it cannot be told. */
  @Nullable
  private static Class<?> keyClass(StreamExecutionEnvironment env, KeySelector<?, ?> selector) {
    TypeInfo<?> type;
    try {
      type = TypeExtractor.outputTypeOf(selector, KeySelector.class, 1, env.getConfig().getSerializerConfig());
    } catch (InvalidTypeException | IllegalArgumentException notKnown) {
      return null;
    }
    if (type.isUnknown()) {
      return null;
    }
    Class<?> c = type.typeClass();
    return c.isPrimitive() ? MethodType.methodType(c).wrap().returnType() : c;
  }
}
