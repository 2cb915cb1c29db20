package weir.runtime.operators;

import weir.api.eventtime.TimestampAssigner;
import weir.api.eventtime.Watermark;
import weir.api.eventtime.WatermarkGenerator;
import weir.api.eventtime.WatermarkOutput;
import weir.api.eventtime.WatermarkStrategy;
import weir.runtime.time.ProcessingTimeListener;
import weir.runtime.time.RecordTimestamp;

/**
 * Assigns timestamps and generates watermarks mid-stream ({@code assignTimestampsAndWatermarks}).
 * Watermarks from upstream are dropped, except the final one that ends event time at the end of
 * a bounded input; this operator's generator replaces them.
 */
public final class TimestampsAndWatermarksOperator<T>
    implements OneInputOperator<T>, WatermarkOutput, ProcessingTimeListener {
  private final OperatorContext context;
  private final Output<T> output;
  private final RecordTimestamp timestamp;
  private final TimestampAssigner<T> assigner;
  private final WatermarkGenerator<T> generator;
  private final long interval;
  private long nextEmit;
  private long currentWatermark = Long.MIN_VALUE;
  private boolean idle;

  public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy, OperatorContext context, Output<T> output) {
    this.context = context;
    this.output = output;
    this.timestamp = context.timestamp();
    this.assigner = strategy.createTimestampAssigner();
    this.generator = strategy.createWatermarkGenerator(context.clock()::currentProcessingTime);
    this.interval = context.autoWatermarkInterval();
    this.nextEmit = interval > 0 ? context.clock().currentProcessingTime() + interval : Long.MAX_VALUE;
    context.processingTimers().register(this);
  }

  @Override
  public String name() {
    return context.name();
  }

  @Override
  public void processElement(T record) throws Exception {
    long saved = timestamp.get();
    long t = assigner.extractTimestamp(record, saved);
    timestamp.set(t);
    try {
      output.collect(record);
    } finally {
      timestamp.set(saved);
    }
    generator.onEvent(record, t, this);
  }

  @Override
  public void processWatermark(long watermark) {
    if (watermark == Long.MAX_VALUE) {
      emitWatermark(Watermark.MAX_WATERMARK);
    }
  }

  @Override
  public void processWatermarkStatus(boolean idle) {
    // this operator decides idleness from its own generator
  }

  @Override
  public long nextProcessingTime() {
    return nextEmit;
  }

  @Override
  public void onProcessingTime(long now) {
    generator.onPeriodicEmit(this);
    nextEmit = now + interval;
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    markActive();
    if (watermark.getTimestamp() > currentWatermark) {
      currentWatermark = watermark.getTimestamp();
      output.emitWatermark(currentWatermark);
    }
  }

  @Override
  public void markIdle() {
    if (!idle) {
      idle = true;
      output.emitWatermarkStatus(true);
    }
  }

  @Override
  public void markActive() {
    if (idle) {
      idle = false;
      output.emitWatermarkStatus(false);
    }
  }

  @Override
  public Output<?> output() {
    return output;
  }
}
