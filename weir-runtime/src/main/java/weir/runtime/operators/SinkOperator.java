package weir.runtime.operators;

import weir.api.connector.sink.SinkWriter;

/** Hands records to a sink writer; flushes it at the end of input and closes it. */
public final class SinkOperator<T> implements OneInputOperator<T> {
  private final String name;
  private final SinkWriter<T> writer;

  public SinkOperator(String name, SinkWriter<T> writer) {
    this.name = name;
    this.writer = writer;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void processElement(T record) throws Exception {
    writer.write(record);
  }

  @Override
  public void endInput() throws Exception {
    writer.flush(true);
  }

  @Override
  public void close() throws Exception {
    writer.close();
  }

  @Override
  public Output<?> output() {
    return new DiscardingOutput<>();
  }

  @Override
  public void processWatermark(long watermark) {}

  @Override
  public void processWatermarkStatus(boolean idle) {}
}
