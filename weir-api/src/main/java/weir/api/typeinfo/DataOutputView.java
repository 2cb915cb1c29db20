package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.DataOutput;
import java.io.IOException;
import javax.annotation.Nullable;

/**
 * The sink a {@link TypeSerializer} writes to: {@link DataOutput} plus two compact encodings
 * that every view must implement the same way, so that bytes written through one implementation
 * can be read by any {@link DataInputView}.
 *
 * <h3>Encodings</h3>
 * <pre>
 * var int     : 7 bits per byte, least significant group first, high bit = "more follows"
 *               (1 byte for 0..127, at most 5 bytes)
 * string      : var int (length in chars + 1; 0 means null)
 *               then each UTF-16 char as 1 byte  (0x0000..0x007F: 0xxxxxxx)
 *                                   or 2 bytes (0x0080..0x07FF: 110xxxxx 10xxxxxx)
 *                                   or 3 bytes (0x0800..0xFFFF: 1110xxxx 10xxxxxx 10xxxxxx)
 * </pre>
 * Surrogates are encoded char by char, so any Java string (including unpaired surrogates and
 * strings longer than 64k chars) round-trips exactly. {@link #writeUTF(String)} uses the string
 * encoding too (non-null); it is <b>not</b> the 64k-limited format of {@code DataOutputStream}.
 *
 * <h3>Threading</h3>
 * Views are not thread-safe; one thread writes to a view at a time.
 *
 * @since 0.1
 */
@Evolving
public interface DataOutputView extends DataOutput {

  /** Writes {@code value} as an unsigned var int (negative values take 5 bytes). */
  void writeVarInt(int value) throws IOException;

  /** Writes a possibly null string in the layout described above. */
  void writeString(@Nullable String value) throws IOException;
}
