package weir.api.connector.sink.lib;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import weir.api.annotation.Public;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;
import weir.api.functions.Function;

/**
 * Writes one line per record into a directory: each subtask writes its own part file,
 * {@code part-<subtask>.txt}, replacing a file of that name. Lines are the records'
 * {@code toString()} unless a {@link LineFormatter} is given. A writer replaces its file when it
 * starts, so after a restore from a checkpoint the file holds only what was written since; for
 * output that survives failures, exactly once, use {@link FileSink}.
 *
 * @since 0.1
 */
@Public
public final class TextFileSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final LineFormatter<T> formatter;

  /** Turns a record into one line of text (without the line break). */
  @FunctionalInterface
  public interface LineFormatter<T> extends Function {
    String format(T record);
  }

  /** Writes records' {@code toString()} into part files under {@code directory}. */
  public TextFileSink(Path directory) {
    this(directory, String::valueOf);
  }

  /** Writes formatted records into part files under {@code directory}. */
  public TextFileSink(Path directory, LineFormatter<T> formatter) {
    this.directory = directory.toString();
    this.formatter = formatter;
  }

  /** The name of the part file a subtask writes. */
  public static String partFileName(int subtaskIndex) {
    return "part-" + subtaskIndex + ".txt";
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    Path dir = Path.of(directory);
    Files.createDirectories(dir);
    BufferedWriter out = Files.newBufferedWriter(
        dir.resolve(partFileName(context.getSubtaskIndex())),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    return new SinkWriter<>() {
      @Override
      public void write(T element) throws IOException {
        out.write(formatter.format(element));
        out.newLine();
      }

      @Override
      public void flush(boolean endOfInput) throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }
}
