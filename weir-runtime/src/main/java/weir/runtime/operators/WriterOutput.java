package weir.runtime.operators;

import weir.api.datastream.OutputTag;
import weir.runtime.exchange.RecordWriter;

/** Writes into an exchange to another vertex. */
public final class WriterOutput<T> implements Output<T> {
  private final RecordWriter writer;
  private final String edgeName;

  public WriterOutput(RecordWriter writer, String edgeName) {
    this.writer = writer;
    this.edgeName = edgeName;
  }

  @Override
  public void collect(T record) {
    try {
      writer.emit(record);
    } catch (Exception e) {
      throw OperatorFailure.of(edgeName, e);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record) {}
}
