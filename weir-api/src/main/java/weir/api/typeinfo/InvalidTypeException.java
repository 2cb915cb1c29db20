package weir.api.typeinfo;

import weir.api.annotation.Evolving;

/**
 * Thrown when no serializer fits a type: at job build time by {@link TypeExtractor} (naming the
 * root type, the field path and the offending type, and how to fix it), or at run time by
 * {@link DynamicSerializer} for a value whose class cannot be serialized.
 *
 * @since 0.1
 */
@Evolving
public class InvalidTypeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that names the type and the cause. */
  public InvalidTypeException(String message) {
    super(message);
  }

  /** Creates an exception with a message that names the type, and the underlying cause. */
  public InvalidTypeException(String message, Throwable cause) {
    super(message, cause);
  }
}
