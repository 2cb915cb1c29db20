package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;

/**
 * Serializer for {@link Byte}: one byte. Stateless and shared through {@link #INSTANCE}; does not accept
 * null (containers write their own null marker).
 *
 * @since 0.1
 */
@Evolving
public final class ByteSerializer extends ImmutableSerializer<Byte> {

  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final ByteSerializer INSTANCE = new ByteSerializer();

  private ByteSerializer() {
  }

  @Override
  public void serialize(Byte value, DataOutputView out) throws IOException {
    out.writeByte(value);
  }

  @Override
  public Byte deserialize(DataInputView in) throws IOException {
    return in.readByte();
  }
}
