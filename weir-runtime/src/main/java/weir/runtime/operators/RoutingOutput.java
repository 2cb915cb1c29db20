package weir.runtime.operators;

import weir.api.datastream.OutputTag;

/** The main output plus the side outputs that have consumers, found by tag. */
public final class RoutingOutput<T> implements Output<T> {
  private final Output<T> main;
  private final OutputTag<?>[] tags;
  private final Output<?>[] sides;

  public RoutingOutput(Output<T> main, OutputTag<?>[] tags, Output<?>[] sides) {
    this.main = main;
    this.tags = tags;
    this.sides = sides;
  }

  @Override
  public void collect(T record) {
    main.collect(record);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <X> void collect(OutputTag<X> tag, X record) {
    for (int i = 0; i < tags.length; i++) {
      if (tags[i].equals(tag)) {
        ((Output<X>) sides[i]).collect(record);
      }
    }
  }

  @Override
  public void emitWatermark(long watermark) {
    main.emitWatermark(watermark);
    for (Output<?> side : sides) {
      side.emitWatermark(watermark);
    }
  }

  @Override
  public void emitWatermarkStatus(boolean idle) {
    main.emitWatermarkStatus(idle);
    for (Output<?> side : sides) {
      side.emitWatermarkStatus(idle);
    }
  }
}
