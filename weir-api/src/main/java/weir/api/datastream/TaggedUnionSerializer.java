package weir.api.datastream;

import java.io.IOException;
import java.util.Objects;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.SimpleSerializerSnapshot;
import weir.api.typeinfo.TypeSerializer;
import weir.api.typeinfo.TypeSerializerSnapshot;

/**
 * Serializer of {@link TaggedUnion}, composed of the serializers of both inputs' types:
 *
 * <pre>
 * union : boolean (true: left)  then  the set side's record in that side's encoding
 * </pre>
 *
 * Each side's serializer gets only that side's records, which are not null.
 */
final class TaggedUnionSerializer<L, R> extends TypeSerializer<TaggedUnion<L, R>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<L> left;
  private final TypeSerializer<R> right;

  TaggedUnionSerializer(TypeSerializer<L> left, TypeSerializer<R> right) {
    this.left = Objects.requireNonNull(left, "left");
    this.right = Objects.requireNonNull(right, "right");
  }

  @Override
  public void serialize(TaggedUnion<L, R> union, DataOutputView out) throws IOException {
    out.writeBoolean(union.isLeft());
    if (union.isLeft()) {
      left.serialize(union.left(), out);
    } else {
      right.serialize(union.right(), out);
    }
  }

  @Override
  public TaggedUnion<L, R> deserialize(DataInputView in) throws IOException {
    return in.readBoolean() ? TaggedUnion.ofLeft(left.deserialize(in)) : TaggedUnion.ofRight(right.deserialize(in));
  }

  @Override
  public TaggedUnion<L, R> copy(TaggedUnion<L, R> union) {
    if (union.isLeft()) {
      return left.isImmutableType() ? union : TaggedUnion.ofLeft(left.copy(union.left()));
    }
    return right.isImmutableType() ? union : TaggedUnion.ofRight(right.copy(union.right()));
  }

  @Override
  public boolean isImmutableType() {
    return left.isImmutableType() && right.isImmutableType();
  }

  @Override
  public TypeSerializer<TaggedUnion<L, R>> duplicate() {
    TypeSerializer<L> l = left.duplicate();
    TypeSerializer<R> r = right.duplicate();
    return l == left && r == right ? this : new TaggedUnionSerializer<>(l, r);
  }

  @Override
  public TypeSerializerSnapshot<TaggedUnion<L, R>> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaggedUnionSerializer<?, ?> other && other.left.equals(left) && other.right.equals(right);
  }

  @Override
  public int hashCode() {
    return Objects.hash(left, right);
  }

  @Override
  public String toString() {
    return "TaggedUnionSerializer[" + left + " | " + right + "]";
  }
}
