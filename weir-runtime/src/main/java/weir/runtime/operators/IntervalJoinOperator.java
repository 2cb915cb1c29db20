package weir.runtime.operators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.datastream.OutputTag;
import weir.api.functions.KeySelector;
import weir.api.functions.ProcessJoinFunction;
import weir.api.graph.OperatorSpec;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.typeinfo.TypeInfo;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.time.InternalTimerService;
import weir.runtime.time.RecordTimestamp;

/**
 * Joins two keyed inputs on event time (the operator behind {@code KeyedStream.intervalJoin}): a
 * left record at {@code l} and a right record at {@code r} of the same key join when {@code l +
 * lower <= r <= l + upper}, with both bounds made inclusive up front (an exclusive bound moves by
 * one millisecond).
 *
 * <h3>Buffers</h3>
 * Each side is kept in keyed map state, timestamp to the records at that timestamp ({@link
 * #LEFT_BUFFER}, {@link #RIGHT_BUFFER}). A record first probes the other side's buffer and hands
 * every match to the function, then is buffered itself for records of the other side still to
 * come, so every pair is joined exactly once, whichever record arrives first.
 *
 * <h3>Lateness and clean-up</h3>
 * A record with a timestamp below the current watermark is late: it is dropped or emitted to the
 * input's late data side output, with its own timestamp. Records of the other side that arrive
 * later are not late, so their timestamps are at least the watermark: a left record at {@code l}
 * can meet no future right record once the watermark exceeds {@code l + upper}, and a right
 * record at {@code r} no future left record once it exceeds {@code r - lower}. An event-time timer
 * at that point (the last joinable timestamp plus one, since a timer fires when the watermark
 * reaches it) removes the record's bucket; a record that no future record can join is not
 * buffered at all. The bucket's timestamp is recovered from the timer's time, so a timer needs no
 * state of its own; arithmetic saturates at {@link Long}'s limits, where a timer at {@link
 * Long#MAX_VALUE} (the final watermark) clears its side's buffer for the key.
 *
 * <p>Output records carry the larger of the pair's timestamps, which is at least the watermark,
 * so the join never makes records late downstream and passes watermarks on unchanged.
 */
public final class IntervalJoinOperator<K, L, R, O> extends UdfOperator<ProcessJoinFunction<L, R, O>>
    implements TwoInputOperator<L, R>, InternalTimerService.Triggerable<String> {
  /** The name of the keyed map state holding the buffered left records by timestamp. */
  public static final String LEFT_BUFFER = "interval-join-left-buffer";
  /** The name of the keyed map state holding the buffered right records by timestamp. */
  public static final String RIGHT_BUFFER = "interval-join-right-buffer";
  // timer namespaces: which buffer a clean-up timer empties
  private static final String LEFT = "left";
  private static final String RIGHT = "right";

  private final KeySelector<L, K> leftKey;
  private final KeySelector<R, K> rightKey;
  private final long lowerBound;
  private final long upperBound;
  @Nullable private final OutputTag<L> leftLateDataTag;
  @Nullable private final OutputTag<R> rightLateDataTag;
  private final HeapKeyedStateBackend state;
  private final Output<O> output;
  private final RecordTimestamp timestamp;
  private final InternalTimerService<String> timers;
  private final IntervalJoinContext joinContext;
  private final MapState<Long, List<L>> leftBuffer;
  private final MapState<Long, List<R>> rightBuffer;

  @SuppressWarnings("unchecked")
  public IntervalJoinOperator(OperatorSpec.IntervalJoin spec, KeySelector<L, K> leftKey, KeySelector<R, K> rightKey,
      OperatorContext context, Output<O> output) {
    super((ProcessJoinFunction<L, R, O>) spec.function(), context);
    this.leftKey = leftKey;
    this.rightKey = rightKey;
    this.lowerBound = spec.inclusiveLowerBound();
    this.upperBound = spec.inclusiveUpperBound();
    this.leftLateDataTag = (OutputTag<L>) spec.leftLateDataTag();
    this.rightLateDataTag = (OutputTag<R>) spec.rightLateDataTag();
    this.state = context.requireKeyedState();
    this.output = output;
    this.timestamp = context.timestamp();
    this.timers = new InternalTimerService<>(state, context.clock(), this);
    this.joinContext = new IntervalJoinContext(output, timestamp);
    this.leftBuffer = state.getMapState(bufferDescriptor(LEFT_BUFFER));
    this.rightBuffer = state.getMapState(bufferDescriptor(RIGHT_BUFFER));
  }

  /** Buffers keep their records as objects on the heap; their types need no serializer yet. */
  private static <T> MapStateDescriptor<Long, List<T>> bufferDescriptor(String name) {
    return new MapStateDescriptor<>(name, TypeInfo.of(Long.class), TypeInfo.unknown());
  }

  @Override
  public void processElement1(L record) throws Exception {
    processElement(record, true, leftKey, leftLateDataTag, leftBuffer, rightBuffer, lowerBound, upperBound);
  }

  @Override
  public void processElement2(R record) throws Exception {
    processElement(record, false, rightKey, rightLateDataTag, rightBuffer, leftBuffer, negate(upperBound),
        negate(lowerBound));
  }

  /**
   * Joins {@code record} with the buffered records of the other side, then buffers it.
   *
   * @param relativeLower the offset from the record's timestamp of the earliest record of the
   *     other side that joins it
   * @param relativeUpper the offset of the latest one
   */
  @SuppressWarnings("unchecked")
  private <T, U> void processElement(T record, boolean isLeft, KeySelector<T, K> key,
      @Nullable OutputTag<T> lateDataTag, MapState<Long, List<T>> ours, MapState<Long, List<U>> others,
      long relativeLower, long relativeUpper) throws Exception {
    long ts = timestamp.get();
    if (ts == RecordTimestamp.NONE) {
      throw missingTimestamp(record, isLeft);
    }
    if (ts < timers.currentWatermark()) {
      if (lateDataTag != null) {
        output.collect(lateDataTag, record);
      }
      return;
    }
    state.setCurrentKey(key.getKey(record));
    long first = plus(ts, relativeLower);
    long last = plus(ts, relativeUpper);
    for (Map.Entry<Long, List<U>> bucket : others.entries()) {
      long otherTs = bucket.getKey();
      if (otherTs >= first && otherTs <= last) {
        for (U other : bucket.getValue()) {
          if (isLeft) {
            joinContext.join(function, (L) record, (R) other, ts, otherTs, output);
          } else {
            joinContext.join(function, (L) other, (R) record, otherTs, ts, output);
          }
        }
      }
    }
    buffer(ours, isLeft ? LEFT : RIGHT, record, ts, last);
  }

  private IllegalArgumentException missingTimestamp(Object record, boolean isLeft) {
    return new IllegalArgumentException("Interval join '" + name() + "' received a " + (isLeft ? "left" : "right")
        + " record without a timestamp: " + record + ". Interval joins work in event time: assign timestamps"
        + " to both inputs with a WatermarkStrategy, on the source (env.fromSource(source, strategy, name))"
        + " or with assignTimestampsAndWatermarks(strategy)");
  }

  /**
   * Buffers {@code record} and sets its clean-up timer, unless no future record of the other side
   * can join it: those have timestamps of at least the watermark, and none has {@link
   * RecordTimestamp#NONE}, so timers stay above it and their times can be inverted.
   *
   * @param lastJoinable the largest timestamp of a record of the other side that joins {@code record}
   */
  private <T> void buffer(MapState<Long, List<T>> buffer, String side, T record, long ts, long lastJoinable)
      throws Exception {
    if (lastJoinable < timers.currentWatermark() || lastJoinable == RecordTimestamp.NONE) {
      return;
    }
    List<T> bucket = buffer.get(ts);
    if (bucket == null) {
      bucket = new ArrayList<>(2);
    }
    bucket.add(record);
    buffer.put(ts, bucket);
    timers.registerEventTimeTimer(side, lastJoinable == Long.MAX_VALUE ? Long.MAX_VALUE : lastJoinable + 1);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  @Override
  public void onEventTime(long time, Object key, String side) throws Exception {
    boolean isLeft = LEFT.equals(side);
    MapState<Long, ? extends List<?>> buffer = isLeft ? leftBuffer : rightBuffer;
    if (time == Long.MAX_VALUE) {
      buffer.clear();
    } else {
      // the inverse of buffer(): time = ts + relativeUpper + 1
      buffer.remove(minus(time - 1, isLeft ? upperBound : negate(lowerBound)));
    }
  }

  @Override
  public void onProcessingTime(long time, Object key, String side) {
    throw new IllegalStateException("Bug in interval join '" + name() + "': it sets no processing-time timers");
  }

  @Override
  public Output<?> output() {
    return output;
  }

  /** {@code -a}, saturated at Long's limits. */
  private static long negate(long a) {
    return a == Long.MIN_VALUE ? Long.MAX_VALUE : -a;
  }

  /** {@code a + b}, saturated at Long's limits. */
  private static long plus(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return sum;
  }

  /** {@code a - b}, saturated at Long's limits. */
  private static long minus(long a, long b) {
    long difference = a - b;
    if (((a ^ b) & (a ^ difference)) < 0) {
      return b < 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return difference;
  }
}
