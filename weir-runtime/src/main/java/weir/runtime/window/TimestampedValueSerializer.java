package weir.runtime.window;

import java.io.IOException;
import java.util.Objects;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.SimpleSerializerSnapshot;
import weir.api.typeinfo.TypeSerializer;
import weir.api.typeinfo.TypeSerializerSnapshot;
import weir.api.windowing.evictors.TimestampedValue;

/**
 * Writes the elements of an evicting window's contents to snapshots: whether the element has a
 * timestamp, the timestamp if so, then the record.
 *
 * <pre>
 * element : byte hasTimestamp, [long timestamp], record
 * </pre>
 *
 * @param <T> the type of the records
 */
final class TimestampedValueSerializer<T> extends TypeSerializer<TimestampedValue<T>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> records;

  TimestampedValueSerializer(TypeSerializer<T> records) {
    this.records = Objects.requireNonNull(records);
  }

  @Override
  public void serialize(TimestampedValue<T> value, DataOutputView out) throws IOException {
    out.writeBoolean(value.hasTimestamp());
    if (value.hasTimestamp()) {
      out.writeLong(value.getTimestamp());
    }
    records.serialize(value.getValue(), out);
  }

  @Override
  public TimestampedValue<T> deserialize(DataInputView in) throws IOException {
    if (in.readBoolean()) {
      long timestamp = in.readLong();
      return new TimestampedValue<>(records.deserialize(in), timestamp);
    }
    return new TimestampedValue<>(records.deserialize(in));
  }

  @Override
  public TimestampedValue<T> copy(TimestampedValue<T> value) {
    if (records.isImmutableType()) {
      return value;
    }
    T record = records.copy(value.getValue());
    return value.hasTimestamp() ? new TimestampedValue<>(record, value.getTimestamp()) : new TimestampedValue<>(record);
  }

  @Override
  public boolean isImmutableType() {
    return records.isImmutableType();
  }

  @Override
  public TypeSerializer<TimestampedValue<T>> duplicate() {
    TypeSerializer<T> duplicate = records.duplicate();
    return duplicate == records ? this : new TimestampedValueSerializer<>(duplicate);
  }

  @Override
  public TypeSerializerSnapshot<TimestampedValue<T>> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimestampedValueSerializer<?> other && other.records.equals(records);
  }

  @Override
  public int hashCode() {
    return 31 + records.hashCode();
  }

  @Override
  public String toString() {
    return "TimestampedValueSerializer[" + records + "]";
  }
}
