package weir.api.connector.sink.lib;

import java.io.PrintStream;
import weir.api.annotation.Public;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;

/**
 * Prints each record's {@code toString()} on a line of standard output (or standard error). With
 * parallelism above 1 each line starts with the subtask's number, {@code "2> "}; an identifier,
 * if given, comes first: {@code "counts:2> "}.
 *
 * @since 0.1
 */
@Public
public final class PrintSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final String identifier;
  private final boolean stdErr;

  /** Prints to standard output without an identifier. */
  public PrintSink() {
    this("", false);
  }

  /** Prints to standard output, or to standard error when {@code stdErr}, with an identifier. */
  public PrintSink(String identifier, boolean stdErr) {
    this.identifier = identifier;
    this.stdErr = stdErr;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    String prefix = identifier;
    if (context.getParallelism() > 1) {
      prefix += (prefix.isEmpty() ? "" : ":") + (context.getSubtaskIndex() + 1);
    }
    String linePrefix = prefix.isEmpty() ? "" : prefix + "> ";
    PrintStream stream = stdErr ? System.err : System.out;
    return new SinkWriter<>() {
      @Override
      public void write(T element) {
        stream.println(linePrefix + element);
      }

      @Override
      public void flush(boolean endOfInput) {
        stream.flush();
      }
    };
  }
}
