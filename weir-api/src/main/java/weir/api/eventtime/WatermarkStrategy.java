package weir.api.eventtime;

import java.time.Duration;
import java.util.Objects;
import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * How a stream gets event time: which timestamp each record has, and how watermarks are
 * generated from them. Given to a source ({@code env.fromSource(source, strategy, name)}, where
 * a generator runs per split) or mid-stream ({@code stream.assignTimestampsAndWatermarks}).
 *
 * <pre>{@code
 * WatermarkStrategy.<Bid>forBoundedOutOfOrderness(Duration.ofSeconds(2))
 *     .withTimestampAssigner((bid, ts) -> bid.dateTime())
 *     .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 *
 * @param <T> the record type
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface WatermarkStrategy<T> extends WatermarkGeneratorSupplier<T> {
  /**
   * The assigner of record timestamps; by default the timestamp the record already carries (from
   * its source).
   */
  default TimestampAssigner<T> createTimestampAssigner() {
    return (element, recordTimestamp) -> recordTimestamp;
  }

  /** How long without records makes a split idle; {@code null}: splits never go idle. */
  @Nullable
  default Duration idleTimeout() {
    return null;
  }

  /** This strategy with timestamps taken from each record by {@code assigner}. */
  default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
    Objects.requireNonNull(assigner, "assigner");
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public WatermarkGenerator<T> createWatermarkGenerator(Context context) {
        return base.createWatermarkGenerator(context);
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return assigner;
      }

      @Override
      public Duration idleTimeout() {
        return base.idleTimeout();
      }
    };
  }

  /**
   * This strategy with idleness detection: a split (or subtask) that brings no records for {@code
   * timeout} of processing time stops holding back the watermark until it brings records again.
   */
  default WatermarkStrategy<T> withIdleness(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("The idle timeout must be positive, but was " + timeout);
    }
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public WatermarkGenerator<T> createWatermarkGenerator(Context context) {
        return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), timeout, context);
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return base.createTimestampAssigner();
      }

      @Override
      public Duration idleTimeout() {
        return timeout;
      }
    };
  }

  /** Timestamps that never decrease within a split: the watermark follows the highest one. */
  static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return context -> new AscendingTimestampsWatermarks<>();
  }

  /** Records at most {@code maxOutOfOrderness} late relative to the highest timestamp seen. */
  static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    if (maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException("The maximum out-of-orderness must not be negative, but was " + maxOutOfOrderness);
    }
    return context -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
  }

  /** Watermarks from a generator of your own (periodic, punctuated or both). */
  static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    return supplier::createWatermarkGenerator;
  }

  /** No watermarks: only processing time is used. */
  static <T> WatermarkStrategy<T> noWatermarks() {
    return context -> new NoWatermarksGenerator<>();
  }
}
