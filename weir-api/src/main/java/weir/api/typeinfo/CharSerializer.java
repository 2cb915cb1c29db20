package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;

/**
 * Serializer for {@link Character}: two bytes, the UTF-16 code unit. Stateless and shared through {@link #INSTANCE}; does not accept
 * null (containers write their own null marker).
 *
 * @since 0.1
 */
@Evolving
public final class CharSerializer extends ImmutableSerializer<Character> {

  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final CharSerializer INSTANCE = new CharSerializer();

  private CharSerializer() {
  }

  @Override
  public void serialize(Character value, DataOutputView out) throws IOException {
    out.writeChar(value);
  }

  @Override
  public Character deserialize(DataInputView in) throws IOException {
    return in.readChar();
  }
}
