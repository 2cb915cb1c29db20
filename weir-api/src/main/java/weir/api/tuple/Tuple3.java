package weir.api.tuple;

import weir.api.annotation.Public;

import javax.annotation.Nullable;

/**
 * An immutable triple. A record, so it gets a fast serializer through the record path; fields
 * may be null.
 *
 * @param f0 the first field
 * @param f1 the second field
 * @param f2 the third field
 * @param <T0> type of the first field
 * @param <T1> type of the second field
 * @param <T2> type of the third field
 * @since 0.1
 */
@Public
public record Tuple3<T0, T1, T2>(@Nullable T0 f0, @Nullable T1 f1, @Nullable T2 f2) {

  /** Creates a triple. */
  public static <T0, T1, T2> Tuple3<T0, T1, T2> of(@Nullable T0 f0, @Nullable T1 f1, @Nullable T2 f2) {
    return new Tuple3<>(f0, f1, f2);
  }
}
