package weir.api.connector.sink.lib;

import weir.api.annotation.Public;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;

/**
 * Drops every record; for benchmarks and for jobs whose effect is elsewhere.
 *
 * @since 0.1
 */
@Public
public final class DiscardingSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(T element) {}

      @Override
      public void flush(boolean endOfInput) {}
    };
  }
}
