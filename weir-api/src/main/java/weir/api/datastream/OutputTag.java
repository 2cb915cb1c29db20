package weir.api.datastream;

import java.io.Serializable;
import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeInfo;

/**
 * Names a side output of a process function. Two tags are the same output when their ids are
 * equal.
 *
 * <pre>{@code
 * OutputTag<String> rejected = OutputTag.of("rejected", String.class);
 * var main = input.process(fn);             // fn calls ctx.output(rejected, ...)
 * DataStream<String> side = main.getSideOutput(rejected);
 * }</pre>
 *
 * @param <T> the type of the side output's records
 * @since 0.1
 */
@Public
public final class OutputTag<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final TypeInfo<T> type;

  private OutputTag(String id, TypeInfo<T> type) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("An output tag needs a non-empty id");
    }
    this.id = id;
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A tag for records of class {@code type}. */
  public static <T> OutputTag<T> of(String id, Class<T> type) {
    return new OutputTag<>(id, TypeInfo.of(type));
  }

  /** A tag for records of a (possibly generic) type. */
  public static <T> OutputTag<T> of(String id, TypeInfo<T> type) {
    return new OutputTag<>(id, type);
  }

  /** The tag's id. */
  public String getId() {
    return id;
  }

  /** The type of the side output's records. */
  public TypeInfo<T> getType() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputTag<?> other && other.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "OutputTag(" + id + ")";
  }
}
