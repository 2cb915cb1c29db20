package weir.api.connector.sink.lib;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import weir.api.annotation.Evolving;

/**
 * Writes each record's {@code toString()} in UTF-8, followed by a line feed ({@code '\n'}).
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Evolving
public final class SimpleStringEncoder<T> implements Encoder<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public void encode(T element, OutputStream out) throws IOException {
    out.write(String.valueOf(element).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }
}
