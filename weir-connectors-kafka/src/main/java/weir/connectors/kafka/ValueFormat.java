package weir.connectors.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.annotation.Nullable;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeInfo;

/**
 * How a value (or key) is turned into Kafka bytes and back: UTF-8 strings, JSON through Jackson,
 * or raw bytes. Used by both {@link KafkaRecordDeserializationSchema#valueOnly} and {@link
 * KafkaRecordSerializationSchema}.
 *
 * @param <T> the type of the values
 * @since 0.1
 */
@Public
public interface ValueFormat<T> extends Serializable {
  /** The bytes of {@code value}. */
  byte[] serialize(T value);

  /**
   * The value of {@code bytes}; {@code null} bytes (a tombstone) give {@code null}.
   *
   * @throws Exception when the bytes are not a value of this format
   */
  @Nullable
  T deserialize(@Nullable byte[] bytes) throws Exception;

  /** The type of the values, for the stream's serializer. */
  TypeInfo<T> type();

  /** UTF-8 text. */
  static ValueFormat<String> string() {
    return new StringFormat();
  }

  /** The bytes as they are. */
  static ValueFormat<byte[]> bytes() {
    return new BytesFormat();
  }

  /** JSON of {@code type} (a record, a POJO, a {@code Map}) through Jackson. */
  static <T> ValueFormat<T> json(Class<T> type) {
    return new JsonFormat<>(type);
  }

  /** See {@link #string()}. */
  final class StringFormat implements ValueFormat<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(String value) {
      return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String deserialize(@Nullable byte[] bytes) {
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public TypeInfo<String> type() {
      return TypeInfo.of(String.class);
    }
  }

  /** See {@link #bytes()}. */
  final class BytesFormat implements ValueFormat<byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(byte[] value) {
      return value;
    }

    @Override
    public byte[] deserialize(@Nullable byte[] bytes) {
      return bytes;
    }

    @Override
    public TypeInfo<byte[]> type() {
      return TypeInfo.of(byte[].class);
    }
  }

  /** See {@link #json(Class)}; the mapper is made once per copy of the format, on first use. */
  final class JsonFormat<T> implements ValueFormat<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> valueClass;
    private transient ObjectMapper mapper;

    JsonFormat(Class<T> valueClass) {
      this.valueClass = valueClass;
    }

    private ObjectMapper mapper() {
      if (mapper == null) {
        mapper = new ObjectMapper();
      }
      return mapper;
    }

    @Override
    public byte[] serialize(T value) {
      try {
        return mapper().writeValueAsBytes(value);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + value + " as JSON", e);
      }
    }

    @Override
    public T deserialize(@Nullable byte[] bytes) throws IOException {
      return bytes == null ? null : mapper().readValue(bytes, valueClass);
    }

    @Override
    public TypeInfo<T> type() {
      return TypeInfo.of(valueClass);
    }
  }
}
