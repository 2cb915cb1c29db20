package weir.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The records of the cluster benchmark and where its subtasks leave what they measured. The
 * subtasks may run in other processes than the runner (Weir's TaskManagers), so they write small
 * files into a folder the runner names, and times are wall-clock times (nanoseconds since the
 * epoch, from {@link Instant#now()}, microsecond resolution on Linux), which all processes on one
 * machine share. Flink's side, in the runner's own JVM, uses the same files, so both engines are
 * measured alike. Only the JDK is used here: the class travels in Weir's job jar.
 *
 * <p>Record {@code i} of {@code 0 .. n-1} is {@code (i % KEYS, 1)}; the sink receives one running
 * sum per record.
 */
public final class ClusterProbes {
  /** Distinct keys. */
  public static final long KEYS = 1_000_000L;

  private static final String FIRST = "first-";
  private static final String END = "end-";

  private ClusterProbes() {}

  /** The key of record {@code i}. */
  public static long key(long i) {
    return i % KEYS;
  }

  /** Wall-clock nanoseconds since the epoch. */
  public static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /**
   * Called once per subtask by the first operator after the source, on its first record: leaves
   * the time in {@code folder}. The time is taken before the file is written.
   */
  public static void markFirst(String folder) {
    write(folder, FIRST, epochNanos() + "\n");
  }

  /** Called once per sink subtask after its last record: leaves the time and its record count. */
  public static void markEnd(String folder, long count) {
    write(folder, END, epochNanos() + " " + count + "\n");
  }

  private static void write(String folder, String prefix, String text) {
    try {
      Files.writeString(Path.of(folder, prefix + UUID.randomUUID()), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot leave a probe in " + folder, e);
    }
  }

  /**
   * What the subtasks left in {@code folder}: the earliest first-record time, the latest end
   * time, the records the sink subtasks received in all, and how many subtasks reported each.
   */
  public record Measured(long firstEpochNanos, long endEpochNanos, long sinkCount, int firstReports, int endReports) {
    /** Seconds from the first record to the last record at the sink. */
    public double seconds() {
      return (endEpochNanos - firstEpochNanos) / 1e9;
    }
  }

  /** Reads what the subtasks left in {@code folder}. */
  public static Measured read(Path folder) throws IOException {
    long first = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    long count = 0;
    int firsts = 0;
    int ends = 0;
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      String[] fields = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
      if (name.startsWith(FIRST)) {
        first = Math.min(first, Long.parseLong(fields[0]));
        firsts++;
      } else if (name.startsWith(END)) {
        end = Math.max(end, Long.parseLong(fields[0]));
        count += Long.parseLong(fields[1]);
        ends++;
      }
    }
    if (firsts == 0 || ends == 0) {
      throw new IllegalStateException("The job's probes did not report (first-record reports: " + firsts
          + ", end reports: " + ends + ") in " + folder);
    }
    return new Measured(first, end, count, firsts, ends);
  }
}
