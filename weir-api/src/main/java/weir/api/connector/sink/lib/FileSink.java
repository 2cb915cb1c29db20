package weir.api.connector.sink.lib;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import weir.api.annotation.Evolving;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.sink.Committer;
import weir.api.connector.sink.CommitterInitContext;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.StatefulSinkWriter;
import weir.api.connector.sink.SupportsCommitter;
import weir.api.connector.sink.SupportsWriterState;
import weir.api.connector.sink.WriterInitContext;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;

/**
 * Writes records into part files below a base path, exactly once: a record is in a visible file
 * once the checkpoint after it completes, and is in no visible file before; after a failure and
 * restore it is in exactly one.
 *
 * <pre>{@code
 * FileSink<Order> sink = FileSink.forRowFormat(Path.of("/data/orders"), new SimpleStringEncoder<Order>())
 *     .withBucketAssigner(BucketAssigner.dateTime())
 *     .withRollingPolicy(RollingPolicy.onCheckpoint().withMaxPartSize(64 << 20))
 *     .build();
 * }</pre>
 *
 * <h3>Files</h3>
 * A {@link BucketAssigner} puts each record in a bucket, a directory below the base path (by
 * default the base path itself). Each subtask writes one part file per bucket at a time, under a
 * hidden in-progress name, {@code .part-<subtask>-<counter>.inprogress.<uuid>}, encoding each
 * record with the {@link Encoder}. At each checkpoint the writer closes its parts (flushed and
 * forced to disk) and hands them over; when the checkpoint completes, the committer renames each
 * to its final name {@code part-<subtask>-<counter>} (prefix and suffix from the {@link
 * OutputFileConfig}) atomically and forces the directory to disk. The {@link RollingPolicy} may
 * close parts between checkpoints too; they become visible with the next checkpoint.
 *
 * <h3>Recovery</h3>
 * The writer state holds each bucket's next part counter. A part started after the checkpoint
 * has a counter at or past it, so no committable of the checkpoint names it: a restored writer
 * deletes such in-progress files, those of its own subtask index and those of any index that the
 * restored job no longer has and whose state it was given. It then starts its counters past every
 * part of its subtask index in the directory, so a final name is never reused, even when a job
 * is restored with another parallelism. In-progress files that no writer can tell unreferenced
 * (those of an index whose state went to another writer) are left hidden: no committable names
 * them, so they never become final files.
 *
 * <p>Committing is idempotent: a part whose final file exists and whose in-progress file does not
 * was committed before. A part with neither fails the job, since its data is lost.
 *
 * <p>Final files are never overwritten; files that the checkpoint being restored committed must
 * stay where they are until a later checkpoint completes, since recovery checks them.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Evolving
public final class FileSink<T>
    implements Sink<T>, SupportsWriterState<T, FileSink.BucketState>, SupportsCommitter<FileSink.PendingFile> {
  private static final long serialVersionUID = 1L;

  private final String basePath;
  private final Encoder<T> encoder;
  private final BucketAssigner<T> bucketAssigner;
  private final RollingPolicy rollingPolicy;
  private final OutputFileConfig outputFileConfig;
  private final Clock clock;

  private FileSink(RowFormatBuilder<T> builder) {
    this.basePath = builder.basePath.toString();
    this.encoder = builder.encoder;
    this.bucketAssigner = builder.bucketAssigner;
    this.rollingPolicy = builder.rollingPolicy;
    this.outputFileConfig = builder.outputFileConfig;
    this.clock = builder.clock;
  }

  /** A builder of a sink that writes each record with {@code encoder} into files below {@code basePath}. */
  public static <T> RowFormatBuilder<T> forRowFormat(Path basePath, Encoder<T> encoder) {
    return new RowFormatBuilder<>(basePath, encoder);
  }

  /**
   * A part file closed at a checkpoint, to be committed: the committable of a {@link FileSink}.
   *
   * @param bucketId the bucket, a path relative to the base path
   * @param inProgressName the hidden name the part was written under
   * @param finalName the name it is committed under
   * @param size its length in bytes, checked before it is committed
   */
  public record PendingFile(String bucketId, String inProgressName, String finalName, long size) {
    public PendingFile {
      requireFileName(inProgressName);
      requireFileName(finalName);
    }
  }

  /**
   * The state a {@link FileSink} writer keeps for one bucket.
   *
   * @param bucketId the bucket, a path relative to the base path
   * @param subtaskIndex the subtask whose part files these are, the index in their names
   * @param nextPartCounter the counter of the subtask's next part in the bucket: every part
   *     committed or pending at the checkpoint has a lower counter
   */
  public record BucketState(String bucketId, int subtaskIndex, long nextPartCounter) {}

  /** Builds a {@link FileSink} that writes each record through an {@link Encoder}. */
  public static final class RowFormatBuilder<T> {
    private final Path basePath;
    private final Encoder<T> encoder;
    private BucketAssigner<T> bucketAssigner = BucketAssigner.basePath();
    private RollingPolicy rollingPolicy = RollingPolicy.onCheckpoint();
    private OutputFileConfig outputFileConfig = OutputFileConfig.defaults();
    private Clock clock = Clock.systemUTC();

    private RowFormatBuilder(Path basePath, Encoder<T> encoder) {
      this.basePath = Objects.requireNonNull(basePath, "basePath");
      this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /** Chooses the bucket of each record; by default {@link BucketAssigner#basePath()}. */
    public RowFormatBuilder<T> withBucketAssigner(BucketAssigner<T> assigner) {
      this.bucketAssigner = Objects.requireNonNull(assigner, "assigner");
      return this;
    }

    /** When part files are closed besides checkpoints; by default {@link RollingPolicy#onCheckpoint()}. */
    public RowFormatBuilder<T> withRollingPolicy(RollingPolicy policy) {
      this.rollingPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The prefix and suffix of part file names; by default {@link OutputFileConfig#defaults()}. */
    public RowFormatBuilder<T> withOutputFileConfig(OutputFileConfig config) {
      this.outputFileConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The clock of processing time, which bucket assigners and the rollover interval read; by
     * default the system clock. It travels with the sink, so it must be serializable.
     */
    public RowFormatBuilder<T> withClock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The sink. */
    public FileSink<T> build() {
      return new FileSink<>(this);
    }
  }

  /** The directory below which the buckets are. */
  public Path basePath() {
    return Path.of(basePath);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return newWriter(context);
  }

  @Override
  public StatefulSinkWriter<T, BucketState> restoreWriter(
      WriterInitContext context, Collection<BucketState> recoveredState) throws IOException {
    FileSinkWriter<T> writer = newWriter(context);
    writer.restore(recoveredState, context.getParallelism());
    return writer;
  }

  private FileSinkWriter<T> newWriter(WriterInitContext context) {
    return new FileSinkWriter<>(absoluteBasePath(), encoder, bucketAssigner, rollingPolicy, outputFileConfig, clock,
        context.getSubtaskIndex());
  }

  @Override
  public SimpleVersionedSerializer<BucketState> getWriterStateSerializer() {
    return BucketStateSerializer.INSTANCE;
  }

  @Override
  public Committer<PendingFile> createCommitter(CommitterInitContext context) {
    return new FileSinkCommitter(absoluteBasePath());
  }

  @Override
  public SimpleVersionedSerializer<PendingFile> getCommittableSerializer() {
    return PendingFileSerializer.INSTANCE;
  }

  private Path absoluteBasePath() {
    return Path.of(basePath).toAbsolutePath();
  }

  /**
   * The directory of bucket {@code bucketId} below {@code basePath}.
   *
   * @throws IllegalArgumentException when the id is not a relative path inside the base path
   */
  static Path bucketDirectory(Path basePath, String bucketId) {
    if (bucketId.isEmpty()) {
      return basePath;
    }
    Path relative = basePath.getFileSystem().getPath(bucketId);
    if (relative.isAbsolute() || relative.getRoot() != null || !relative.normalize().equals(relative)
        || relative.startsWith("..")) {
      throw new IllegalArgumentException("A bucket id must be a relative path without '.' or '..' segments, but was '"
          + bucketId + "'");
    }
    return basePath.resolve(relative);
  }

  private static void requireFileName(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("A part file name must be a single name, but was '" + name + "'");
    }
  }

  /** Version 1: bucket id, in-progress name and final name (strings), then the size (long). */
  private static final class PendingFileSerializer implements SimpleVersionedSerializer<PendingFile> {
    static final PendingFileSerializer INSTANCE = new PendingFileSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(PendingFile file) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(128);
      out.writeUTF(file.bucketId());
      out.writeUTF(file.inProgressName());
      out.writeUTF(file.finalName());
      out.writeLong(file.size());
      return out.copyOfBuffer();
    }

    @Override
    public PendingFile deserialize(int version, byte[] serialized) throws IOException {
      if (version != VERSION) {
        throw new IOException("Cannot read a file sink committable of version " + version
            + "; this release reads version " + VERSION);
      }
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      PendingFile file = new PendingFile(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong());
      if (in.available() != 0) {
        throw new IOException("Corrupt file sink committable: " + in.available() + " bytes left after " + file);
      }
      return file;
    }
  }

  /** Version 1: bucket id (string), subtask index (int), next part counter (long). */
  private static final class BucketStateSerializer implements SimpleVersionedSerializer<BucketState> {
    static final BucketStateSerializer INSTANCE = new BucketStateSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(BucketState state) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(64);
      out.writeUTF(state.bucketId());
      out.writeInt(state.subtaskIndex());
      out.writeLong(state.nextPartCounter());
      return out.copyOfBuffer();
    }

    @Override
    public BucketState deserialize(int version, byte[] serialized) throws IOException {
      if (version != VERSION) {
        throw new IOException("Cannot read a file sink writer state of version " + version
            + "; this release reads version " + VERSION);
      }
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      BucketState state = new BucketState(in.readUTF(), in.readInt(), in.readLong());
      if (in.available() != 0) {
        throw new IOException("Corrupt file sink writer state: " + in.available() + " bytes left after " + state);
      }
      return state;
    }
  }
}
