package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;

/**
 * Serializer for {@link Float}: the four bytes of its raw IEEE 754 bits. Stateless and shared through {@link #INSTANCE}; does not accept
 * null (containers write their own null marker).
 *
 * @since 0.1
 */
@Evolving
public final class FloatSerializer extends ImmutableSerializer<Float> {

  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final FloatSerializer INSTANCE = new FloatSerializer();

  private FloatSerializer() {
  }

  @Override
  public void serialize(Float value, DataOutputView out) throws IOException {
    out.writeFloat(value);
  }

  @Override
  public Float deserialize(DataInputView in) throws IOException {
    return in.readFloat();
  }
}
