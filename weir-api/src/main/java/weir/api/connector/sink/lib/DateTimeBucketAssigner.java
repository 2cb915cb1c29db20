package weir.api.connector.sink.lib;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javax.annotation.Nullable;

/** Names buckets by the processing time; see {@link BucketAssigner#dateTime(String, ZoneId)}. */
final class DateTimeBucketAssigner<T> implements BucketAssigner<T> {
  private static final long serialVersionUID = 1L;

  private final String pattern;
  private final String zone;
  @Nullable private transient DateTimeFormatter formatter;
  /**
   * The bucket id of the last millisecond formatted, in one immutable object so that writers
   * sharing this assigner never see the id of one millisecond paired with another.
   */
  @Nullable private transient Formatted last;

  private record Formatted(long millis, String bucketId) {}

  DateTimeBucketAssigner(String pattern, ZoneId zone) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.zone = zone.getId();
    // fails here, when the job is built, rather than on the first record
    DateTimeFormatter.ofPattern(pattern).withZone(zone);
  }

  @Override
  public String getBucketId(T element, Context context) {
    long now = context.getCurrentProcessingTime();
    Formatted cached = last;
    if (cached == null || cached.millis() != now) {
      DateTimeFormatter f = formatter;
      if (f == null) {
        f = DateTimeFormatter.ofPattern(pattern).withZone(ZoneId.of(zone));
        formatter = f;
      }
      cached = new Formatted(now, f.format(Instant.ofEpochMilli(now)));
      last = cached;
    }
    return cached.bucketId();
  }

  @Override
  public String toString() {
    return "BucketAssigner.dateTime(\"" + pattern + "\", " + zone + ")";
  }
}
