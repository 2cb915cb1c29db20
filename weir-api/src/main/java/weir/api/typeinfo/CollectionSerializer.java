package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Serializer for lists and sets. Layout: var int size, then each element as
 * {@link TypeSerializer#serializeNullable} (null elements allowed). The collection class read
 * back is fixed by the {@link Kind}: {@code List}, {@code Collection} and {@code ArrayList} read as
 * {@link ArrayList}; {@code Set} as {@link HashSet}; declared {@code LinkedList} and
 * {@code LinkedHashSet} are kept. Does not accept a null collection.
 *
 * @param <E> the element type
 * @param <C> the collection type
 * @since 0.1
 */
@Evolving
public final class CollectionSerializer<E, C extends Collection<E>> extends TypeSerializer<C> {

  private static final long serialVersionUID = 1L;

  /** Which collection class {@link #deserialize} and {@link #copy} create. */
  public enum Kind {
    /** Reads as {@link ArrayList}. */
    ARRAY_LIST,
    /** Reads as {@link LinkedList}. */
    LINKED_LIST,
    /** Reads as {@link HashSet}. */
    HASH_SET,
    /** Reads as {@link LinkedHashSet}. */
    LINKED_HASH_SET;

    Collection<Object> create(int size) {
      switch (this) {
        case ARRAY_LIST: return new ArrayList<>(size);
        case LINKED_LIST: return new LinkedList<>();
        case HASH_SET: return new HashSet<>(capacityFor(size));
        default: return new LinkedHashSet<>(capacityFor(size));
      }
    }
  }

  private final Kind kind;
  private final TypeSerializer<E> element;

  /** Creates a serializer reading collections of {@code kind} with elements written by {@code element}. */
  public CollectionSerializer(Kind kind, TypeSerializer<E> element) {
    this.kind = Objects.requireNonNull(kind);
    this.element = Objects.requireNonNull(element);
  }

  /** A serializer for {@code List<E>} that reads {@link ArrayList}s. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <E> CollectionSerializer<E, List<E>> list(TypeSerializer<E> element) {
    return new CollectionSerializer(Kind.ARRAY_LIST, element);
  }

  /** A serializer for {@code Set<E>} that reads {@link HashSet}s. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <E> CollectionSerializer<E, Set<E>> set(TypeSerializer<E> element) {
    return new CollectionSerializer(Kind.HASH_SET, element);
  }

  static int capacityFor(int size) {
    return size < 3 ? 4 : (int) Math.min(Integer.MAX_VALUE, size * 4L / 3 + 1);
  }

  @Override
  public void serialize(C value, DataOutputView out) throws IOException {
    out.writeVarInt(value.size());
    for (E e : value) {
      element.serializeNullable(e, out);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public C deserialize(DataInputView in) throws IOException {
    int size = in.readVarInt();
    Collection<Object> result = kind.create(size);
    for (int i = 0; i < size; i++) {
      result.add(element.deserializeNullable(in));
    }
    return (C) result;
  }

  @Override
  @SuppressWarnings("unchecked")
  public C copy(C value) {
    Collection<Object> result = kind.create(value.size());
    for (E e : value) {
      result.add(element.copyNullable(e));
    }
    return (C) result;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<C> duplicate() {
    TypeSerializer<E> d = element.duplicate();
    return d == element ? this : new CollectionSerializer<>(kind, d);
  }

  @Override
  public TypeSerializerSnapshot<C> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CollectionSerializer<?, ?> other && other.kind == kind && other.element.equals(element);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + element.hashCode();
  }

  @Override
  public String toString() {
    return "CollectionSerializer[" + kind + ", " + element + "]";
  }
}
