package weir.runtime.operators;

import weir.api.datastream.OutputTag;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.RecordWriter;
import weir.runtime.exchange.WatermarkEvent;
import weir.runtime.time.RecordTimestamp;

/** Writes into an exchange to another vertex. */
public final class WriterOutput<T> implements Output<T>, CountedOutput {
  private final RecordWriter writer;
  private long records;
  private final String edgeName;
  private final RecordTimestamp timestamp;

  public WriterOutput(RecordWriter writer, String edgeName, RecordTimestamp timestamp) {
    this.writer = writer;
    this.edgeName = edgeName;
    this.timestamp = timestamp;
  }

  @Override
  public void collect(T record) {
    records++;
    try {
      writer.emit(record, timestamp.get());
    } catch (Exception e) {
      throw OperatorFailure.of(edgeName, e);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record) {}

  @Override
  public long records() {
    return records;
  }

  @Override
  public void emitWatermark(long watermark) {
    writer.broadcast(new WatermarkEvent(watermark));
  }

  @Override
  public void emitWatermarkStatus(boolean idle) {
    writer.broadcast(idle ? ControlEvent.IDLE : ControlEvent.ACTIVE);
  }
}
