package weir.runtime.operators;

import weir.api.datastream.OutputTag;
import weir.api.functions.Collector;

/**
 * Where an operator emits records and watermarks: the main output and side outputs by tag. Implementations call the
 * next chained operator directly or write into an exchange. A side output nobody consumes drops
 * its records.
 */
public interface Output<T> extends Collector<T> {
  /** Emits to the side output {@code tag}. */
  <X> void collect(OutputTag<X> tag, X record);

  /** Passes a watermark on: to the next operator of the chain or into the exchange. */
  void emitWatermark(long watermark);

  /** Passes a change of idleness on (see {@code StatusWatermarkValve}). */
  void emitWatermarkStatus(boolean idle);
}
