package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;

/**
 * Serializer for {@link Short}: two bytes, big-endian. Stateless and shared through {@link #INSTANCE}; does not accept
 * null (containers write their own null marker).
 *
 * @since 0.1
 */
@Evolving
public final class ShortSerializer extends ImmutableSerializer<Short> {

  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final ShortSerializer INSTANCE = new ShortSerializer();

  private ShortSerializer() {
  }

  @Override
  public void serialize(Short value, DataOutputView out) throws IOException {
    out.writeShort(value);
  }

  @Override
  public Short deserialize(DataInputView in) throws IOException {
    return in.readShort();
  }
}
