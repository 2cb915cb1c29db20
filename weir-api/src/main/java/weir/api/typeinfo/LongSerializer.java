package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;

/**
 * Serializer for {@link Long}: eight bytes, big-endian. Stateless and shared through {@link #INSTANCE}; does not accept
 * null (containers write their own null marker).
 *
 * @since 0.1
 */
@Evolving
public final class LongSerializer extends ImmutableSerializer<Long> {

  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final LongSerializer INSTANCE = new LongSerializer();

  private LongSerializer() {
  }

  @Override
  public void serialize(Long value, DataOutputView out) throws IOException {
    out.writeLong(value);
  }

  @Override
  public Long deserialize(DataInputView in) throws IOException {
    return in.readLong();
  }
}
