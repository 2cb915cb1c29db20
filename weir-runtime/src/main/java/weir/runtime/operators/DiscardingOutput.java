package weir.runtime.operators;

import weir.api.datastream.OutputTag;

/** The output of an operator nobody consumes (a sink's, or one with only side consumers). */
public final class DiscardingOutput<T> implements Output<T> {
  @Override
  public void collect(T record) {}

  @Override
  public <X> void collect(OutputTag<X> tag, X record) {}

  @Override
  public void emitWatermark(long watermark) {}

  @Override
  public void emitWatermarkStatus(boolean idle) {}
}
