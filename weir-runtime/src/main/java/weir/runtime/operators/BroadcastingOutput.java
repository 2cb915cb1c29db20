package weir.runtime.operators;

import weir.api.datastream.OutputTag;

/** Emits every record to several outputs: an operator with more than one consumer. */
public final class BroadcastingOutput<T> implements Output<T> {
  private final Output<T>[] outputs;

  public BroadcastingOutput(Output<T>[] outputs) {
    this.outputs = outputs;
  }

  @Override
  public void collect(T record) {
    for (Output<T> output : outputs) {
      output.collect(record);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record) {
    for (Output<T> output : outputs) {
      output.collect(tag, record);
    }
  }

  @Override
  public void emitWatermark(long watermark) {
    for (Output<T> output : outputs) {
      output.emitWatermark(watermark);
    }
  }

  @Override
  public void emitWatermarkStatus(boolean idle) {
    for (Output<T> output : outputs) {
      output.emitWatermarkStatus(idle);
    }
  }
}
