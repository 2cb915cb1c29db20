package weir.api.connector.sink.lib;

import weir.api.annotation.Public;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;

/**
 * The job's dead-letter output: the records a job could not process, with their error, kept by
 * the engine where operators look for them. Embedded, {@code JobClient.getDeadLetters()} returns
 * the latest; on a cluster, {@code GET /jobs/{id}/dead-letters}. Each is also logged.
 *
 * <pre>{@code
 * parsed.getSideOutput(BAD_INPUT)
 *     .map(raw -> new DeadLetter(raw, "not a valid order"))
 *     .sinkTo(new DeadLetterSink());
 * }</pre>
 *
 * <p>The engine keeps the latest 1000 per job; a job that must keep every bad record writes them
 * to a durable sink as well.
 *
 * @since 0.1
 */
@Public
public final class DeadLetterSink implements Sink<DeadLetter> {
  private static final long serialVersionUID = 1L;

  @Override
  public SinkWriter<DeadLetter> createWriter(WriterInitContext context) {
    var output = context.getDeadLetterOutput();
    return new SinkWriter<>() {
      @Override
      public void write(DeadLetter letter) {
        output.send(letter);
      }

      @Override
      public void flush(boolean endOfInput) {}
    };
  }
}
