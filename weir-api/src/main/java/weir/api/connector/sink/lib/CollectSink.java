package weir.api.connector.sink.lib;

import weir.api.annotation.Internal;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;

/**
 * Marks the sink whose records go back to the client that submitted the job (see {@code
 * DataStream.executeAndCollect}). The executor provides the writer: records travel through the
 * job's client channel named by {@link #id()}.
 */
@Internal
public final class CollectSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final String id;

  public CollectSink(String id) {
    this.id = id;
  }

  /** Names the client channel within the job. */
  public String id() {
    return id;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    throw new IllegalStateException(
        "Bug in the executor: the collect sink '" + id + "' must be wired to the job's client channel");
  }
}
