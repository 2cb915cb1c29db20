package weir.runtime.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weir.api.connector.source.ReaderOutput;
import weir.api.datastream.OutputTag;
import weir.api.eventtime.TimestampAssigner;
import weir.api.eventtime.Watermark;
import weir.api.eventtime.WatermarkGenerator;
import weir.api.eventtime.WatermarkOutput;
import weir.api.eventtime.WatermarkStrategy;
import weir.runtime.operators.Output;
import weir.runtime.operators.ProcessingTimeService;
import weir.runtime.time.ProcessingTimeListener;
import weir.runtime.time.RecordTimestamp;

/**
 * Event time at a source with a watermark strategy: one timestamp-assigning output and one
 * watermark generator per split, and the source subtask's watermark as the minimum over the
 * splits that are not idle. A split that is released (finished) no longer counts. When every
 * split is idle the subtask is idle; a split that wakes makes it active again. Periodic
 * generators are asked for a watermark every auto-watermark interval of processing time.
 *
 * <p>Owned by the subtask's thread.
 */
final class SplitWatermarks<T> implements ProcessingTimeListener {
  /** The main output's id, used by readers that do not emit per split. */
  private static final String MAIN = "\u0000main";

  private final WatermarkStrategy<T> strategy;
  private final TimestampAssigner<T> assigner;
  private final Output<T> output;
  private final RecordTimestamp timestamp;
  private final ProcessingTimeService clock;
  private final long interval;
  private final Map<String, SplitOutput> splits = new LinkedHashMap<>();
  private final List<SplitOutput> active = new ArrayList<>();
  private long nextEmit;
  private long emitted = Long.MIN_VALUE;
  private boolean idle;

  SplitWatermarks(WatermarkStrategy<T> strategy, Output<T> output, RecordTimestamp timestamp,
      ProcessingTimeService clock, long interval) {
    this.strategy = strategy;
    this.assigner = strategy.createTimestampAssigner();
    this.output = output;
    this.timestamp = timestamp;
    this.clock = clock;
    this.interval = interval;
    this.nextEmit = interval > 0 ? clock.currentProcessingTime() + interval : Long.MAX_VALUE;
  }

  /** The output of the split {@code splitId}, created on first use. */
  ReaderOutput<T> split(String splitId) {
    SplitOutput split = splits.get(splitId);
    if (split == null) {
      split = new SplitOutput(strategy.createWatermarkGenerator(clock::currentProcessingTime));
      splits.put(splitId, split);
      active.add(split);
    }
    return split;
  }

  /** The output of records that the reader emits without naming a split. */
  ReaderOutput<T> main() {
    return split(MAIN);
  }

  void release(String splitId) {
    SplitOutput split = splits.remove(splitId);
    if (split != null) {
      active.remove(split);
      combine();
    }
  }

  /**
   * The reader has brought all its records: event time ends. A subtask left idle by its last
   * splits becomes active first, since downstream ignores watermarks from an idle channel.
   */
  void endInput() {
    if (idle) {
      idle = false;
      output.emitWatermarkStatus(false);
    }
    if (emitted != Long.MAX_VALUE) {
      emitted = Long.MAX_VALUE;
      output.emitWatermark(Long.MAX_VALUE);
    }
  }

  @Override
  public long nextProcessingTime() {
    return nextEmit;
  }

  @Override
  public void onProcessingTime(long now) {
    for (int i = 0; i < active.size(); i++) {
      SplitOutput split = active.get(i);
      split.generator.onPeriodicEmit(split);
    }
    nextEmit = now + interval;
  }

  private void combine() {
    long min = Long.MAX_VALUE;
    boolean anyActive = false;
    for (int i = 0; i < active.size(); i++) {
      SplitOutput split = active.get(i);
      if (!split.idle) {
        anyActive = true;
        min = Math.min(min, split.watermark);
      }
    }
    if (!anyActive) {
      if (!active.isEmpty() && !idle) {
        idle = true;
        output.emitWatermarkStatus(true);
      }
      return;
    }
    if (idle) {
      idle = false;
      output.emitWatermarkStatus(false);
    }
    if (min > emitted) {
      emitted = min;
      output.emitWatermark(min);
    }
  }

  /** One split's output: assigns timestamps, feeds the split's generator, takes its watermarks. */
  private final class SplitOutput implements ReaderOutput<T>, WatermarkOutput {
    final WatermarkGenerator<T> generator;
    long watermark = Long.MIN_VALUE;
    boolean idle;

    SplitOutput(WatermarkGenerator<T> generator) {
      this.generator = generator;
    }

    @Override
    public void collect(T record) {
      collect(record, RecordTimestamp.NONE);
    }

    @Override
    public void collect(T record, long recordTimestamp) {
      long t = assigner.extractTimestamp(record, recordTimestamp);
      timestamp.set(t);
      output.collect(record);
      generator.onEvent(record, t, this);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X record) {
      timestamp.set(RecordTimestamp.NONE);
      output.collect(tag, record);
    }

    @Override
    public ReaderOutput<T> createOutputForSplit(String splitId) {
      return split(splitId);
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
      release(splitId);
    }

    @Override
    public void emitWatermark(Watermark w) {
      boolean changed = idle;
      idle = false;
      if (w.getTimestamp() > watermark) {
        watermark = w.getTimestamp();
        changed = true;
      }
      if (changed) {
        combine();
      }
    }

    @Override
    public void markIdle() {
      if (!idle) {
        idle = true;
        combine();
      }
    }

    @Override
    public void markActive() {
      if (idle) {
        idle = false;
        combine();
      }
    }
  }
}
