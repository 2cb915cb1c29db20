package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;

/**
 * Serializer for {@link Integer}: four bytes, big-endian. Stateless and shared through {@link #INSTANCE}; does not accept
 * null (containers write their own null marker).
 *
 * @since 0.1
 */
@Evolving
public final class IntSerializer extends ImmutableSerializer<Integer> {

  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final IntSerializer INSTANCE = new IntSerializer();

  private IntSerializer() {
  }

  @Override
  public void serialize(Integer value, DataOutputView out) throws IOException {
    out.writeInt(value);
  }

  @Override
  public Integer deserialize(DataInputView in) throws IOException {
    return in.readInt();
  }
}
