package weir.api.typeinfo;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The per-field serializers of a record or POJO, with the null-marker decision per field
 * (primitive-typed fields never hold null, so they get no marker byte). Shared by
 * {@link RecordSerializer} and {@link PojoSerializer}.
 */
final class FieldSerializers implements Serializable {

  private static final long serialVersionUID = 1L;

  final String[] names;
  final TypeSerializer<Object>[] serializers;
  private final boolean[] nullable;

  @SuppressWarnings("unchecked")
  FieldSerializers(String[] names, TypeSerializer<?>[] serializers, Class<?>[] types) {
    if (names.length != serializers.length || names.length != types.length) {
      throw new IllegalArgumentException("Expected one serializer per field " + Arrays.toString(names)
          + ", but got " + serializers.length);
    }
    this.names = names.clone();
    this.serializers = (TypeSerializer<Object>[]) serializers.clone();
    this.nullable = new boolean[types.length];
    for (int i = 0; i < types.length; i++) {
      nullable[i] = !types[i].isPrimitive();
    }
  }

  int size() {
    return names.length;
  }

  void write(int i, Object value, DataOutputView out) throws IOException {
    if (nullable[i]) {
      serializers[i].serializeNullable(value, out);
    } else {
      serializers[i].serialize(value, out);
    }
  }

  Object read(int i, DataInputView in) throws IOException {
    return nullable[i] ? serializers[i].deserializeNullable(in) : serializers[i].deserialize(in);
  }

  Object copy(int i, Object value) {
    return serializers[i].copyNullable(value);
  }

  boolean allImmutable() {
    for (TypeSerializer<Object> s : serializers) {
      if (!s.isImmutableType()) {
        return false;
      }
    }
    return true;
  }

  /** {@link TypeSerializer#duplicate() Duplicates} of every field serializer, in field order. */
  TypeSerializer<?>[] duplicates() {
    TypeSerializer<?>[] result = new TypeSerializer<?>[serializers.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = serializers[i].duplicate();
    }
    return result;
  }

  boolean sameAs(TypeSerializer<?>[] others) {
    for (int i = 0; i < serializers.length; i++) {
      if (serializers[i] != others[i]) {
        return false;
      }
    }
    return true;
  }

  TypeSerializerSnapshot<?>[] snapshots() {
    TypeSerializerSnapshot<?>[] result = new TypeSerializerSnapshot<?>[serializers.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = serializers[i].snapshotConfiguration();
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSerializers other && Arrays.equals(other.names, names)
        && Arrays.equals(other.serializers, serializers) && Arrays.equals(other.nullable, nullable);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(serializers);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(names[i]).append(": ").append(serializers[i]);
    }
    return sb.toString();
  }
}
