package weir.api.windowing.windows;

import java.io.IOException;
import weir.api.annotation.Evolving;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.ImmutableSerializer;

/**
 * Serializer for {@link TimeWindow}: start and end, eight bytes each, big-endian. Stateless and
 * shared through {@link #INSTANCE}; does not accept null.
 *
 * @since 0.1
 */
@Evolving
public final class TimeWindowSerializer extends ImmutableSerializer<TimeWindow> {
  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final TimeWindowSerializer INSTANCE = new TimeWindowSerializer();

  private TimeWindowSerializer() {}

  @Override
  public void serialize(TimeWindow value, DataOutputView out) throws IOException {
    out.writeLong(value.getStart());
    out.writeLong(value.getEnd());
  }

  @Override
  public TimeWindow deserialize(DataInputView in) throws IOException {
    long start = in.readLong();
    return new TimeWindow(start, in.readLong());
  }
}
