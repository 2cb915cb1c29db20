package weir.api.tuple;

import weir.api.annotation.Public;

import javax.annotation.Nullable;

/**
 * An immutable pair. A record, so it gets a fast serializer through the record path
 * ({@code Tuple2<String, Long>} resolves {@code f0} and {@code f1} to their own serializers);
 * fields may be null.
 *
 * @param f0 the first field
 * @param f1 the second field
 * @param <T0> type of the first field
 * @param <T1> type of the second field
 * @since 0.1
 */
@Public
public record Tuple2<T0, T1>(@Nullable T0 f0, @Nullable T1 f1) {

  /** Creates a pair. */
  public static <T0, T1> Tuple2<T0, T1> of(@Nullable T0 f0, @Nullable T1 f1) {
    return new Tuple2<>(f0, f1);
  }
}
