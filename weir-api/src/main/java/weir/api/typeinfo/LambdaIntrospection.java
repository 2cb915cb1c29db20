package weir.api.typeinfo;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import javax.annotation.Nullable;

/**
 * Reads the implementation method behind a serializable lambda or method reference. A
 * serializable lambda class has a synthetic {@code writeReplace()} returning a
 * {@link SerializedLambda}, which names the implementation class and method: the synthetic
 * {@code lambda$...} method holding a lambda's body, the referenced method of a method
 * reference (for an unbound instance-method reference such as {@code Bid::auction} the receiver
 * is the first functional parameter and the method's own return type is what we want), or the
 * constructor of a constructor reference (whose "return type" is the class itself).
 *
 * <p>Every failure (not a lambda, not serializable, class or method not found) means "cannot
 * tell", which callers turn into {@link TypeInfo#unknown()}; that is why this class returns null
 * instead of throwing.
 */
final class LambdaIntrospection {

  private LambdaIntrospection() {
  }

  /** The generic return type (primitives boxed) of the method implementing {@code function}, or null. */
  @Nullable
  static Type implReturnType(Object function) {
    SerializedLambda lambda = serializedForm(function);
    if (lambda == null) {
      return null;
    }
    ClassLoader loader = function.getClass().getClassLoader();
    try {
      Class<?> implClass = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
      if (lambda.getImplMethodKind() == MethodHandleInfo.REF_newInvokeSpecial) {
        return implClass;
      }
      Class<?>[] params = MethodType.fromMethodDescriptorString(lambda.getImplMethodSignature(), loader)
          .parameterArray();
      Method method = findMethod(implClass, lambda.getImplMethodName(), params);
      if (method == null || method.getReturnType() == void.class) {
        return null;
      }
      return GenericTypes.box(method.getGenericReturnType());
    } catch (ClassNotFoundException | TypeNotPresentException | IllegalArgumentException | LinkageError e) {
      return null; // cannot tell: the caller falls back to TypeInfo.unknown()
    }
  }

  @Nullable
  private static SerializedLambda serializedForm(Object function) {
    Class<?> c = function.getClass();
    if (!c.isSynthetic()) {
      return null; // user classes may have their own writeReplace; never call it
    }
    try {
      Method writeReplace = c.getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      return writeReplace.invoke(function) instanceof SerializedLambda s ? s : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // not a serializable lambda: its type is erased
    }
  }

  @Nullable
  private static Method findMethod(Class<?> type, String name, Class<?>[] params) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        return c.getDeclaredMethod(name, params);
      } catch (NoSuchMethodException e) {
        // keep looking in the superclass, then in public interface methods
      }
    }
    try {
      return type.getMethod(name, params);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
