package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;

/**
 * Serializer for {@link Boolean}: one byte, 0 or 1. Stateless and shared through {@link #INSTANCE}; does not accept
 * null (containers write their own null marker).
 *
 * @since 0.1
 */
@Evolving
public final class BooleanSerializer extends ImmutableSerializer<Boolean> {

  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final BooleanSerializer INSTANCE = new BooleanSerializer();

  private BooleanSerializer() {
  }

  @Override
  public void serialize(Boolean value, DataOutputView out) throws IOException {
    out.writeBoolean(value);
  }

  @Override
  public Boolean deserialize(DataInputView in) throws IOException {
    return in.readBoolean();
  }
}
