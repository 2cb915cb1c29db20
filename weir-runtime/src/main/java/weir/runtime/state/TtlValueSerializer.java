package weir.runtime.state;

import java.io.IOException;
import java.util.Objects;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.SimpleSerializerSnapshot;
import weir.api.typeinfo.TypeSerializer;
import weir.api.typeinfo.TypeSerializerSnapshot;

/**
 * Writes a {@link TtlValue} with its last-access time first, so that whether a stored value
 * expired can be read from its first 8 bytes without deserializing it ({@link #lastAccess}):
 *
 * <pre>
 *   0                 8
 *   +-----------------+--------------------------------------+
 *   | last access     | value, as the value serializer       |
 *   | (long, big end) | writes it                            |
 *   +-----------------+--------------------------------------+
 * </pre>
 *
 * Used for the values of binary-kept TTL states in the {@link ValueArena}, and by anything that
 * needs the same bytes (snapshots of object-kept TTL values).
 *
 * @param <T> the user's value type
 */
final class TtlValueSerializer<T> extends TypeSerializer<TtlValue<T>> {
  private static final long serialVersionUID = 1L;

  /** The size of the last-access time in front of the value. */
  static final int HEADER_LENGTH = 8;

  private final TypeSerializer<T> valueSerializer;

  TtlValueSerializer(TypeSerializer<T> valueSerializer) {
    this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
  }

  /** The last-access time of the value serialized at {@code offset} of {@code data}. */
  static long lastAccess(byte[] data, int offset) {
    long t = 0;
    for (int i = 0; i < HEADER_LENGTH; i++) {
      t = (t << 8) | (data[offset + i] & 0xff);
    }
    return t;
  }

  @Override
  public void serialize(TtlValue<T> v, DataOutputView out) throws IOException {
    out.writeLong(v.lastAccess);
    valueSerializer.serialize(v.value, out);
  }

  @Override
  public TtlValue<T> deserialize(DataInputView in) throws IOException {
    long lastAccess = in.readLong();
    return new TtlValue<>(valueSerializer.deserialize(in), lastAccess);
  }

  @Override
  public TtlValue<T> copy(TtlValue<T> v) {
    return new TtlValue<>(v.value == null ? null : valueSerializer.copy(v.value), v.lastAccess);
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<TtlValue<T>> duplicate() {
    TypeSerializer<T> d = valueSerializer.duplicate();
    return d == valueSerializer ? this : new TtlValueSerializer<>(d);
  }

  @Override
  public TypeSerializerSnapshot<TtlValue<T>> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TtlValueSerializer<?> other && other.valueSerializer.equals(valueSerializer);
  }

  @Override
  public int hashCode() {
    return 31 + valueSerializer.hashCode();
  }

  @Override
  public String toString() {
    return "TtlValueSerializer[" + valueSerializer + "]";
  }
}
