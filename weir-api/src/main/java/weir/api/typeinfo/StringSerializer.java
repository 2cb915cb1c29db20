package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import javax.annotation.Nullable;

/**
 * Serializer for {@link String} in the {@link DataOutputView} string layout: a var int length
 * then 1 to 3 bytes per char, no length limit. Accepts null (encoded in the length, no extra
 * byte). Stateless and shared through {@link #INSTANCE}.
 *
 * @since 0.1
 */
@Evolving
public final class StringSerializer extends ImmutableSerializer<String> {

  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final StringSerializer INSTANCE = new StringSerializer();

  private StringSerializer() {
  }

  @Override
  public void serialize(@Nullable String value, DataOutputView out) throws IOException {
    out.writeString(value);
  }

  @Override
  @Nullable
  public String deserialize(DataInputView in) throws IOException {
    return in.readString();
  }
}
