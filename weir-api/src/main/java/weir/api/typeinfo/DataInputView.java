package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.DataInput;
import java.io.IOException;
import javax.annotation.Nullable;

/**
 * The source a {@link TypeSerializer} reads from: {@link DataInput} plus the var int and string
 * encodings described on {@link DataOutputView}. {@link #readUTF()} reads the string encoding
 * (and fails on a null marker), not {@code DataInputStream}'s modified UTF-8.
 *
 * <h3>Failure cases</h3>
 * Reading past the end throws {@link java.io.EOFException}; a malformed var int or string throws
 * {@link java.io.UTFDataFormatException} or {@link IOException} naming the position.
 *
 * <h3>Threading</h3>
 * Views are not thread-safe; one thread reads from a view at a time.
 *
 * @since 0.1
 */
@Evolving
public interface DataInputView extends DataInput {

  /** Reads a var int written by {@link DataOutputView#writeVarInt(int)}. */
  int readVarInt() throws IOException;

  /** Reads a string written by {@link DataOutputView#writeString(String)}; null if null was written. */
  @Nullable
  String readString() throws IOException;
}
