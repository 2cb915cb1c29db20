package weir.connectors.kafka;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import weir.api.annotation.Public;

/**
 * Where the source starts reading a partition, or where a bounded source stops: the earliest or
 * latest offset, the first record at or after a timestamp, the offset committed by the consumer
 * group (with a fallback where the group has none), or given offsets. The source resolves a spec
 * once per partition, when it first assigns the partition; after that the offsets live in the
 * checkpoints.
 *
 * <p>{@link #parse} reads the same specs from configuration text: {@code earliest}, {@code
 * latest}, {@code timestamp:<epoch millis>}, {@code committed}, {@code committed:earliest},
 * {@code committed:latest}.
 *
 * @since 0.1
 */
@Public
public sealed interface OffsetsSpec extends Serializable {
  /** The first offset still in the partition. */
  static OffsetsSpec earliest() {
    return new Earliest();
  }

  /** The offset after the last record now in the partition (read_committed: the last stable offset). */
  static OffsetsSpec latest() {
    return new Latest();
  }

  /** The first record with a timestamp at or after {@code epochMillis}; the latest offset when none is. */
  static OffsetsSpec timestamp(long epochMillis) {
    if (epochMillis < 0) {
      throw new IllegalArgumentException("An offsets timestamp must be milliseconds since the epoch (>= 0), but got "
          + epochMillis);
    }
    return new Timestamp(epochMillis);
  }

  /** The consumer group's committed offset; {@code fallback} (earliest or latest) where it has none. */
  static OffsetsSpec committed(OffsetsSpec fallback) {
    if (!(fallback instanceof Earliest) && !(fallback instanceof Latest)) {
      throw new IllegalArgumentException("The fallback of committed offsets must be earliest() or latest(), but got "
          + fallback);
    }
    return new Committed(fallback);
  }

  /** Given offsets per partition; {@code fallback} for partitions not in the map. */
  static OffsetsSpec specific(Map<TopicPartition, Long> offsets, OffsetsSpec fallback) {
    for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("The offset of " + e.getKey() + " must be >= 0, but got " + e.getValue());
      }
    }
    if (fallback instanceof Specific) {
      throw new IllegalArgumentException("The fallback of specific offsets cannot itself be specific offsets");
    }
    return new Specific(Map.copyOf(offsets), fallback);
  }

  /**
   * Reads a spec from text: {@code earliest}, {@code latest}, {@code timestamp:<epoch millis>},
   * {@code committed} (falls back to earliest), {@code committed:earliest}, {@code
   * committed:latest}.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  static OffsetsSpec parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.equals("earliest")) {
        return earliest();
      } else if (s.equals("latest")) {
        return latest();
      } else if (s.equals("committed") || s.equals("committed:earliest")) {
        return committed(earliest());
      } else if (s.equals("committed:latest")) {
        return committed(latest());
      } else if (s.startsWith("timestamp:")) {
        return timestamp(Long.parseLong(s.substring("timestamp:".length()).trim()));
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("'" + text + "' is not an offsets spec; use earliest, latest, "
        + "timestamp:<milliseconds since the epoch>, committed, committed:earliest or committed:latest");
  }

  /** See {@link #earliest()}. */
  record Earliest() implements OffsetsSpec {}

  /** See {@link #latest()}. */
  record Latest() implements OffsetsSpec {}

  /** See {@link #timestamp(long)}. */
  record Timestamp(long epochMillis) implements OffsetsSpec {}

  /** See {@link #committed(OffsetsSpec)}. */
  record Committed(OffsetsSpec fallback) implements OffsetsSpec {}

  /** See {@link #specific(Map, OffsetsSpec)}. */
  record Specific(Map<TopicPartition, Long> offsets, OffsetsSpec fallback) implements OffsetsSpec {}
}
