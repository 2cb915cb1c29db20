package weir.api.connector.sink.lib;

import java.io.IOException;
import java.io.OutputStream;
import weir.api.annotation.Evolving;
import weir.api.functions.Function;

/**
 * Writes one record into a part file of a {@link FileSink}, as bytes appended to what is there.
 * The stream belongs to the sink: an encoder neither closes it nor keeps it beyond the call.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Evolving
@FunctionalInterface
public interface Encoder<T> extends Function {
  /** Appends {@code element} to {@code out}. */
  void encode(T element, OutputStream out) throws IOException;
}
