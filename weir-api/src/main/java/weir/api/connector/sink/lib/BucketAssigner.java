package weir.api.connector.sink.lib;

import java.io.Serializable;
import java.time.ZoneId;
import weir.api.annotation.Evolving;

/**
 * Chooses the bucket of each record a {@link FileSink} writes: a directory below the sink's base
 * path, named by a relative path such as {@code "2024-05-01--13"} or {@code "eu/orders"}; the
 * empty string is the base path itself. Every bucket has its own part files.
 *
 * <p>A bucket id must be a relative path without {@code "."} or {@code ".."} segments, so that
 * every bucket stays inside the base path; the writer rejects any other id.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Evolving
public interface BucketAssigner<T> extends Serializable {
  /** The bucket of {@code element}. Called for every record, on the writer's thread. */
  String getBucketId(T element, Context context);

  /** What an assigner may use besides the record. */
  interface Context {
    /** The current processing time, in milliseconds since the epoch. */
    long getCurrentProcessingTime();
  }

  /** Every record in one bucket, the base path itself. */
  static <T> BucketAssigner<T> basePath() {
    return new BasePathBucketAssigner<>();
  }

  /**
   * A bucket per hour of processing time in UTC, named like {@code 2024-05-01--13}: the
   * {@link #dateTime(String, ZoneId)} assigner with pattern {@code "yyyy-MM-dd--HH"}.
   */
  static <T> BucketAssigner<T> dateTime() {
    return dateTime("yyyy-MM-dd--HH", ZoneId.of("UTC"));
  }

  /**
   * A bucket named by the processing time formatted with {@code pattern} (a {@link
   * java.time.format.DateTimeFormatter} pattern, which may contain {@code '/'} to nest
   * directories) in {@code zone}.
   *
   * @throws IllegalArgumentException when the pattern is not valid
   */
  static <T> BucketAssigner<T> dateTime(String pattern, ZoneId zone) {
    return new DateTimeBucketAssigner<>(pattern, zone);
  }
}
