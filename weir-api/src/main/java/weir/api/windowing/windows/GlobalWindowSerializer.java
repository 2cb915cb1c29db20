package weir.api.windowing.windows;

import java.io.IOException;
import weir.api.annotation.Evolving;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.ImmutableSerializer;

/**
 * Serializer for {@link GlobalWindow}: one zero byte, so that the serialized window is never
 * empty; reads back the singleton. Stateless and shared through {@link #INSTANCE}.
 *
 * @since 0.1
 */
@Evolving
public final class GlobalWindowSerializer extends ImmutableSerializer<GlobalWindow> {
  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final GlobalWindowSerializer INSTANCE = new GlobalWindowSerializer();

  private GlobalWindowSerializer() {}

  @Override
  public void serialize(GlobalWindow value, DataOutputView out) throws IOException {
    out.writeByte(0);
  }

  @Override
  public GlobalWindow deserialize(DataInputView in) throws IOException {
    byte marker = in.readByte();
    if (marker != 0) {
      throw new IOException("Expected the global window's marker byte 0, but read " + marker);
    }
    return GlobalWindow.get();
  }
}
