package weir.api.connector.sink.lib;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.annotation.Nullable;
import weir.api.connector.sink.CommittingSinkWriter;
import weir.api.connector.sink.StatefulSinkWriter;
import weir.api.connector.sink.lib.FileSink.BucketState;
import weir.api.connector.sink.lib.FileSink.PendingFile;

/**
 * Writes one subtask's records of a {@link FileSink} into hidden in-progress part files, one open
 * part per bucket, and hands closed parts over as {@link PendingFile}s at each checkpoint.
 *
 * <h3>Counters</h3>
 * Each bucket numbers its parts; the next number is in the writer state. The first time a writer
 * opens a part in a bucket it lists the bucket's directory and starts past every counter of its
 * subtask found there, final or in progress, so no final name is ever reused, whichever state a
 * restore handed to which subtask.
 *
 * <h3>Restore</h3>
 * A part opened after the checkpoint has a counter at or past that checkpoint's next counter, so
 * no committable of the checkpoint names it. A restored writer deletes such in-progress files, for
 * its own subtask index and for the indexes no subtask has any more (after a scale-down). Other
 * in-progress files it does not know to be unreferenced stay hidden: no committable names them,
 * so they never get a final name.
 *
 * <p>All methods run on the subtask's thread; every field is owned by it.
 */
final class FileSinkWriter<T> implements CommittingSinkWriter<T, PendingFile>, StatefulSinkWriter<T, BucketState> {
  private final Path basePath;
  private final Encoder<T> encoder;
  private final BucketAssigner<T> assigner;
  private final long maxPartSize;
  /** The rollover interval in milliseconds, or {@link Long#MAX_VALUE} for none. */
  private final long rolloverMillis;
  private final OutputFileConfig fileConfig;
  private final Clock clock;
  private final BucketAssigner.Context assignerContext;
  private final int subtaskIndex;
  private final PartFileNames names;
  private final Map<String, Bucket> buckets = new HashMap<>();
  /** Parts closed since the last {@link #prepareCommit}, in the order closed. */
  private final List<PendingFile> closedParts = new ArrayList<>();
  /** The bucket of the previous record: most records go to the same bucket as the one before. */
  @Nullable private Bucket lastBucket;

  /** A directory's part files of this subtask. */
  private static final class Bucket {
    final String id;
    final Path directory;
    /** The counter of the next part; once listed, past every counter in the directory. */
    long nextCounter;
    /** Whether the directory was created if missing and its existing counters listed. */
    boolean listed;
    /** Whether a part was opened since the last snapshot (or the bucket was restored since). */
    boolean active;
    /** Whether files were created since the directory was last forced to disk. */
    boolean unsynced;
    @Nullable OpenPart open;

    Bucket(String id, Path directory) {
      this.id = id;
      this.directory = directory;
    }
  }

  /** The part a bucket is writing. */
  private record OpenPart(PartFileStream stream, String inProgressName, String finalName, long openedAt) {}

  FileSinkWriter(
      Path basePath,
      Encoder<T> encoder,
      BucketAssigner<T> assigner,
      RollingPolicy rollingPolicy,
      OutputFileConfig fileConfig,
      Clock clock,
      int subtaskIndex) {
    this.basePath = basePath;
    this.encoder = encoder;
    this.assigner = assigner;
    this.maxPartSize = rollingPolicy.maxPartSize();
    Duration interval = rollingPolicy.rolloverInterval();
    this.rolloverMillis = interval == null ? Long.MAX_VALUE : interval.toMillis();
    this.fileConfig = fileConfig;
    this.clock = clock;
    this.assignerContext = clock::millis;
    this.subtaskIndex = subtaskIndex;
    this.names = new PartFileNames(fileConfig, subtaskIndex);
  }

  /**
   * Takes over {@code states} of a restored job with {@code parallelism} writers: this subtask's
   * counters, and the deletion of in-progress files that no restored committable can name.
   */
  void restore(Collection<BucketState> states, int parallelism) throws IOException {
    for (BucketState state : states) {
      if (state.subtaskIndex() == subtaskIndex) {
        Bucket bucket = bucket(state.bucketId());
        bucket.nextCounter = Math.max(bucket.nextCounter, state.nextPartCounter());
        bucket.active = true;
      } else if (state.subtaskIndex() >= parallelism) {
        // no writer uses that index any more, so nobody else deletes its files
        Path directory = FileSink.bucketDirectory(basePath, state.bucketId());
        deleteStartedAfterCheckpoint(
            directory, new PartFileNames(fileConfig, state.subtaskIndex()), state.nextPartCounter());
      }
      // an index that another writer has now: that writer lists the directory before it writes;
      // the in-progress files of that index stay hidden
    }
    for (Bucket bucket : buckets.values()) {
      long highest = deleteStartedAfterCheckpoint(bucket.directory, names, bucket.nextCounter);
      bucket.nextCounter = Math.max(bucket.nextCounter, highest + 1);
      bucket.listed = Files.isDirectory(bucket.directory);
    }
  }

  @Override
  public void write(T element) throws IOException {
    String bucketId = assigner.getBucketId(element, assignerContext);
    Bucket bucket = lastBucket;
    if (bucket == null || !bucket.id.equals(bucketId)) {
      bucket = bucket(bucketId);
      lastBucket = bucket;
    }
    OpenPart part = bucket.open;
    if (part != null && (part.stream().size() >= maxPartSize
        || (rolloverMillis != Long.MAX_VALUE && clock.millis() - part.openedAt() >= rolloverMillis))) {
      closePart(bucket);
      part = null;
    }
    if (part == null) {
      part = openPart(bucket);
    }
    encoder.encode(element, part.stream());
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    for (Bucket bucket : buckets.values()) {
      if (bucket.open != null) {
        bucket.open.stream().flush();
      }
    }
  }

  @Override
  public List<PendingFile> prepareCommit() throws IOException {
    for (Bucket bucket : buckets.values()) {
      if (bucket.open != null) {
        closePart(bucket);
      }
    }
    for (Bucket bucket : buckets.values()) {
      if (bucket.unsynced) {
        // the checkpoint will name these files: their directory entries must survive a crash
        DurableFiles.syncDirectory(bucket.directory);
        bucket.unsynced = false;
      }
    }
    List<PendingFile> committables = List.copyOf(closedParts);
    closedParts.clear();
    return committables;
  }

  @Override
  public List<BucketState> snapshotState(long checkpointId) {
    List<BucketState> states = new ArrayList<>(buckets.size());
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      Bucket bucket = it.next();
      states.add(new BucketState(bucket.id, subtaskIndex, bucket.nextCounter));
      if (bucket.active || bucket.open != null) {
        bucket.active = false;
      } else {
        // idle for a whole checkpoint interval: forget it (a later part lists the directory again)
        it.remove();
        if (lastBucket == bucket) {
          lastBucket = null;
        }
      }
    }
    return states;
  }

  /**
   * Closes the open parts and deletes the in-progress files that no committable names: the open
   * parts and those closed since the last {@link #prepareCommit}.
   */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (Bucket bucket : buckets.values()) {
      OpenPart part = bucket.open;
      if (part != null) {
        bucket.open = null;
        try {
          part.stream().closeFile();
          Files.deleteIfExists(bucket.directory.resolve(part.inProgressName()));
        } catch (IOException e) {
          failure = addFailure(failure, e);
        }
      }
    }
    for (PendingFile part : closedParts) {
      try {
        Files.deleteIfExists(FileSink.bucketDirectory(basePath, part.bucketId()).resolve(part.inProgressName()));
      } catch (IOException e) {
        failure = addFailure(failure, e);
      }
    }
    closedParts.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private Bucket bucket(String bucketId) {
    Bucket bucket = buckets.get(bucketId);
    if (bucket == null) {
      bucket = new Bucket(bucketId, FileSink.bucketDirectory(basePath, bucketId));
      buckets.put(bucketId, bucket);
    }
    return bucket;
  }

  private OpenPart openPart(Bucket bucket) throws IOException {
    if (!bucket.listed) {
      createDirectories(bucket.directory);
      long highest = highestCounter(bucket.directory);
      bucket.nextCounter = Math.max(bucket.nextCounter, highest + 1);
      bucket.listed = true;
    }
    long counter = bucket.nextCounter++;
    String inProgressName = names.inProgressName(counter, UUID.randomUUID().toString());
    FileChannel channel = FileChannel.open(
        bucket.directory.resolve(inProgressName), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    OpenPart part = new OpenPart(new PartFileStream(channel), inProgressName, names.finalName(counter), clock.millis());
    bucket.open = part;
    bucket.active = true;
    bucket.unsynced = true;
    return part;
  }

  private void closePart(Bucket bucket) throws IOException {
    OpenPart part = bucket.open;
    bucket.open = null;
    try {
      part.stream().sync();
    } finally {
      part.stream().closeFile();
    }
    closedParts.add(new PendingFile(bucket.id, part.inProgressName(), part.finalName(), part.stream().size()));
  }

  /** The highest counter of this subtask's parts in {@code directory}, or -1. */
  private long highestCounter(Path directory) throws IOException {
    long highest = -1;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        highest = Math.max(highest, names.counterOf(file));
      }
    }
    return highest;
  }

  /**
   * Deletes the in-progress files of {@code partNames} in {@code directory} whose counter is at
   * least {@code nextCounter}; returns the highest counter of those parts left, final or in
   * progress, or -1.
   */
  private static long deleteStartedAfterCheckpoint(Path directory, PartFileNames partNames, long nextCounter)
      throws IOException {
    if (!Files.isDirectory(directory)) {
      return -1;
    }
    long highest = -1;
    boolean deleted = false;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        long counter = partNames.counterOf(file);
        if (counter >= nextCounter && partNames.inProgressCounterOf(file) >= 0) {
          Files.delete(file);
          deleted = true;
        } else {
          highest = Math.max(highest, counter);
        }
      }
    }
    if (deleted) {
      DurableFiles.syncDirectory(directory);
    }
    return highest;
  }

  /** Creates {@code directory} and its missing parents, each durably. */
  private static void createDirectories(Path directory) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = directory; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.add(p);
    }
    if (missing.isEmpty()) {
      return;
    }
    Files.createDirectories(directory);
    for (Path created : missing) {
      if (created.getParent() != null) {
        DurableFiles.syncDirectory(created.getParent());
      }
    }
  }

  private static IOException addFailure(@Nullable IOException first, IOException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
