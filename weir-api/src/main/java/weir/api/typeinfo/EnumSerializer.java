package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Serializer for an enum type: a var int index (one byte for up to 128 constants). The index is
 * the constant's position in this serializer's constant list, which is the enum's declaration
 * order, or, for a serializer restored from a snapshot, the order recorded in the snapshot
 * followed by constants added since. So a restored serializer reads old bytes correctly even if
 * constants were reordered or appended.
 *
 * <h3>Compatibility</h3>
 * The snapshot stores the constant names. A new serializer is
 * {@link Compatibility#COMPATIBLE_AS_IS compatible} when its constants start with the recorded
 * names in the same order (appending constants is fine); otherwise the result is
 * {@link Compatibility#INCOMPATIBLE}. Restoring fails with {@link InvalidTypeException} if a
 * recorded constant no longer exists.
 *
 * @param <E> the enum type
 * @since 0.1
 */
@Evolving
public final class EnumSerializer<E extends Enum<E>> extends TypeSerializer<E> {

  private static final long serialVersionUID = 1L;

  private final Class<E> type;
  /** Written index to constant. */
  private final E[] constants;
  /** Constant ordinal to written index. */
  private final int[] indexByOrdinal;

  /** Creates a serializer for {@code type} using its declaration order. */
  public EnumSerializer(Class<E> type) {
    this(type, type.getEnumConstants());
  }

  private EnumSerializer(Class<E> type, E[] constants) {
    this.type = type;
    this.constants = constants;
    this.indexByOrdinal = new int[constants.length];
    for (int i = 0; i < constants.length; i++) {
      indexByOrdinal[constants[i].ordinal()] = i;
    }
  }

  /** A serializer whose indices follow {@code names}, then any constant not named there. */
  static <E extends Enum<E>> EnumSerializer<E> withOrder(Class<E> type, String[] names) {
    List<E> order = new ArrayList<>();
    for (String name : names) {
      try {
        order.add(Enum.valueOf(type, name));
      } catch (IllegalArgumentException e) {
        throw new InvalidTypeException("Cannot restore serializer of enum '" + type.getName()
            + "': constant '" + name + "' recorded in the snapshot no longer exists", e);
      }
    }
    for (E constant : type.getEnumConstants()) {
      if (!order.contains(constant)) {
        order.add(constant);
      }
    }
    return new EnumSerializer<>(type, order.toArray(Arrays.copyOf(type.getEnumConstants(), 0)));
  }

  String[] names() {
    String[] names = new String[constants.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = constants[i].name();
    }
    return names;
  }

  @Override
  public void serialize(E value, DataOutputView out) throws IOException {
    out.writeVarInt(indexByOrdinal[value.ordinal()]);
  }

  @Override
  public E deserialize(DataInputView in) throws IOException {
    int index = in.readVarInt();
    if (index < 0 || index >= constants.length) {
      throw new IOException("Expected an index of enum '" + type.getName() + "' below " + constants.length
          + ", but read " + index);
    }
    return constants[index];
  }

  @Override
  public E copy(E value) {
    return value;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializerSnapshot<E> snapshotConfiguration() {
    return new Snapshot<>(type, names());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnumSerializer<?> other && other.type == type && Arrays.equals(other.constants, constants);
  }

  @Override
  public int hashCode() {
    return type.getName().hashCode();
  }

  @Override
  public String toString() {
    return "EnumSerializer[" + type.getName() + "]";
  }

  /** Snapshot of an {@link EnumSerializer}: the enum class and its constant names in index order. */
  private static final class Snapshot<E extends Enum<E>> implements TypeSerializerSnapshot<E> {

    private static final long serialVersionUID = 1L;

    private final Class<E> type;
    private final String[] names;

    Snapshot(Class<E> type, String[] names) {
      this.type = type;
      this.names = names;
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public TypeSerializer<E> restoreSerializer() {
      return withOrder(type, names);
    }

    @Override
    public Compatibility resolveCompatibility(TypeSerializer<E> newSerializer) {
      if (!(newSerializer instanceof EnumSerializer<E> other) || other.type != type) {
        return Compatibility.INCOMPATIBLE;
      }
      String[] newNames = other.names();
      boolean prefix = newNames.length >= names.length
          && Arrays.equals(names, Arrays.copyOf(newNames, names.length));
      return prefix ? Compatibility.COMPATIBLE_AS_IS : Compatibility.INCOMPATIBLE;
    }
  }
}
