package weir.api.typeinfo;

import java.util.Arrays;
import javax.annotation.Nullable;

/**
 * Snapshot of a {@link RecordSerializer} or {@link PojoSerializer}: the class, the field names in
 * write order and each field serializer's snapshot. Compatible with a new serializer of the same
 * kind and class whose field names are equal and whose every field is
 * {@link Compatibility#COMPATIBLE_AS_IS compatible} with the recorded one.
 */
final class FieldsSnapshot<T> implements TypeSerializerSnapshot<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final boolean record;
  private final String[] names;
  private final TypeSerializerSnapshot<?>[] nested;

  FieldsSnapshot(Class<T> type, boolean record, String[] names, TypeSerializerSnapshot<?>[] nested) {
    this.type = type;
    this.record = record;
    this.names = names.clone();
    this.nested = nested;
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    TypeSerializer<?>[] serializers = new TypeSerializer<?>[nested.length];
    for (int i = 0; i < serializers.length; i++) {
      serializers[i] = nested[i].restoreSerializer();
    }
    return record ? new RecordSerializer<>(type, serializers) : new PojoSerializer<>(type, names, serializers);
  }

  @Nullable
  private FieldSerializers fieldsOf(TypeSerializer<T> s) {
    if (record && s instanceof RecordSerializer<T> r && r.type() == type) {
      return r.fields();
    }
    if (!record && s instanceof PojoSerializer<T> p && p.type() == type) {
      return p.fields();
    }
    return null;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Compatibility resolveCompatibility(TypeSerializer<T> newSerializer) {
    FieldSerializers fields = fieldsOf(newSerializer);
    if (fields == null || !Arrays.equals(fields.names, names)) {
      return Compatibility.INCOMPATIBLE;
    }
    for (int i = 0; i < nested.length; i++) {
      TypeSerializerSnapshot raw = nested[i];
      if (raw.resolveCompatibility(fields.serializers[i]) != Compatibility.COMPATIBLE_AS_IS) {
        return Compatibility.INCOMPATIBLE;
      }
    }
    return Compatibility.COMPATIBLE_AS_IS;
  }
}
