package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;

/**
 * Serializer for {@link Double}: the eight bytes of its raw IEEE 754 bits. Stateless and shared through {@link #INSTANCE}; does not accept
 * null (containers write their own null marker).
 *
 * @since 0.1
 */
@Evolving
public final class DoubleSerializer extends ImmutableSerializer<Double> {

  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final DoubleSerializer INSTANCE = new DoubleSerializer();

  private DoubleSerializer() {
  }

  @Override
  public void serialize(Double value, DataOutputView out) throws IOException {
    out.writeDouble(value);
  }

  @Override
  public Double deserialize(DataInputView in) throws IOException {
    return in.readDouble();
  }
}
