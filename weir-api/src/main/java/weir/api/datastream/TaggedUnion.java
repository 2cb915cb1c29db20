package weir.api.datastream;

import javax.annotation.Nullable;
import weir.api.typeinfo.InvalidTypeException;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;

/**
 * A record of either input of a window join or coGroup, tagged with the side it came from: both
 * inputs become one stream of these, keyed and windowed together, and split apart again when a
 * window fires. The side that is not set holds null.
 *
 * @param isLeft whether this holds a record of the left input
 * @param left   the left input's record, or null
 * @param right  the right input's record, or null
 * @param <L>    the left input's type
 * @param <R>    the right input's type
 */
record TaggedUnion<L, R>(boolean isLeft, @Nullable L left, @Nullable R right) {
  static <L, R> TaggedUnion<L, R> ofLeft(L value) {
    return new TaggedUnion<>(true, value, null);
  }

  static <L, R> TaggedUnion<L, R> ofRight(R value) {
    return new TaggedUnion<>(false, null, value);
  }

  /**
   * The type of the unions of {@code left} and {@code right}: serialized by a
   * {@link TaggedUnionSerializer} of both sides' serializers. When a side's type is unknown or has
   * no serializer, the union's type is unknown too, so that window state keeps the records as
   * objects, as it would for that side alone.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <L, R> TypeInfo<TaggedUnion<L, R>> typeOf(TypeInfo<L> left, TypeInfo<R> right, SerializerConfig config) {
    if (left.isUnknown() || right.isUnknown()) {
      return TypeInfo.unknown();
    }
    TypeSerializer<L> leftSerializer;
    TypeSerializer<R> rightSerializer;
    try {
      leftSerializer = left.createSerializer(config);
      rightSerializer = right.createSerializer(config);
    } catch (InvalidTypeException noSerializer) {
      return TypeInfo.unknown();
    }
    return TypeInfo.of((Class<TaggedUnion<L, R>>) (Class) TaggedUnion.class,
        new TaggedUnionSerializer<>(leftSerializer, rightSerializer));
  }
}
