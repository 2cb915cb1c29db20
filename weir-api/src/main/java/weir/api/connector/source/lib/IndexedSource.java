package weir.api.connector.source.lib;

import java.io.IOException;
import java.util.Collection;
import weir.api.annotation.Public;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.Boundedness;
import weir.api.connector.source.InputStatus;
import weir.api.connector.source.ReaderOutput;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;

/**
 * A source whose record number {@code i} is a pure function of {@code i}: number sequences,
 * collections and generators. The index range is split evenly over the readers, so any
 * parallelism reads the same multiset of records; an optional rate limit paces each reader.
 *
 * <p>{@link #elementAt} is called concurrently by the readers of all subtasks and must be free of
 * side effects.
 *
 * @param <T> the record type
 * @since 0.1
 */
@Public
public abstract class IndexedSource<T> implements Source<T, IndexRangeSplit, Collection<IndexRangeSplit>> {
  private static final long serialVersionUID = 1L;

  private final long count;
  private final double recordsPerSecond;

  /**
   * @param count the number of records; {@link Long#MAX_VALUE} for an unbounded source
   * @param recordsPerSecond the rate limit over all readers, or 0 for none
   */
  protected IndexedSource(long count, double recordsPerSecond) {
    if (count < 0) {
      throw new IllegalArgumentException("The record count must not be negative, but was " + count);
    }
    if (recordsPerSecond < 0) {
      throw new IllegalArgumentException(
          "The rate limit must be positive records per second, or 0 for none, but was " + recordsPerSecond);
    }
    this.count = count;
    this.recordsPerSecond = recordsPerSecond;
  }

  /** The record at {@code index}. */
  protected abstract T elementAt(long index);

  /** The number of records this source emits. */
  public long count() {
    return count;
  }

  @Override
  public Boundedness getBoundedness() {
    return count == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> createEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context) {
    return new StaticSplitEnumerator<>(context, IndexRangeSplit.split(count, context.currentParallelism()));
  }

  @Override
  public SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> restoreEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, Collection<IndexRangeSplit> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  @Override
  public SourceReader<T, IndexRangeSplit> createReader(SourceReaderContext context) {
    return new Reader<>(context, this, recordsPerSecond / context.getParallelism());
  }

  @Override
  public SimpleVersionedSerializer<IndexRangeSplit> getSplitSerializer() {
    return SplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<Collection<IndexRangeSplit>> getEnumeratorCheckpointSerializer() {
    return StaticSplitEnumerator.checkpointSerializer(SplitSerializer.INSTANCE);
  }

  /** Version 1: the id (string), then {@code from} and {@code to} (longs). */
  private static final class SplitSerializer implements SimpleVersionedSerializer<IndexRangeSplit> {
    static final SplitSerializer INSTANCE = new SplitSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(IndexRangeSplit split) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(32);
      out.writeUTF(split.id());
      out.writeLong(split.from());
      out.writeLong(split.to());
      return out.copyOfBuffer();
    }

    @Override
    public IndexRangeSplit deserialize(int version, byte[] serialized) throws IOException {
      if (version != VERSION) {
        throw new IOException("Cannot read an index range split of version " + version
            + "; this release reads version " + VERSION);
      }
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      IndexRangeSplit split = new IndexRangeSplit(in.readUTF(), in.readLong(), in.readLong());
      if (in.available() != 0) {
        throw new IOException("Corrupt index range split: " + in.available() + " bytes left after " + split);
      }
      return split;
    }
  }

  /** Reads index ranges; paces itself when a rate limit is set. */
  private static final class Reader<T> extends SequentialSplitReader<T, IndexRangeSplit> {
    private final IndexedSource<T> source;
    private final long nanosPerRecord;
    private IndexRangeSplit split;
    private long next;
    private long pacingStartNanos;
    private long emittedSincePacingStart;

    Reader(SourceReaderContext context, IndexedSource<T> source, double recordsPerSecond) {
      super(context);
      this.source = source;
      this.nanosPerRecord = recordsPerSecond > 0 ? Math.max(1, (long) (1e9 / recordsPerSecond)) : 0;
    }

    @Override
    protected void openSplit(IndexRangeSplit split) {
      this.split = split;
      this.next = split.from();
    }

    @Override
    protected InputStatus readBatch(ReaderOutput<T> output) {
      long end = Math.min(split.to(), next + allowedNow());
      if (end == next && next < split.to()) {
        return InputStatus.NOTHING_AVAILABLE;
      }
      for (long i = next; i < end; i++) {
        output.collect(source.elementAt(i));
      }
      emittedSincePacingStart += end - next;
      next = end;
      return next >= split.to() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    /** How many records the rate limit lets this reader emit now (at most one batch). */
    private long allowedNow() {
      if (nanosPerRecord == 0) {
        return BATCH_SIZE;
      }
      long now = System.nanoTime();
      if (pacingStartNanos == 0) {
        pacingStartNanos = now;
      }
      long due = (now - pacingStartNanos) / nanosPerRecord + 1;
      return Math.max(0, Math.min(BATCH_SIZE, due - emittedSincePacingStart));
    }

    @Override
    protected IndexRangeSplit currentPosition() {
      return new IndexRangeSplit(split.id(), next, split.to());
    }
  }
}
