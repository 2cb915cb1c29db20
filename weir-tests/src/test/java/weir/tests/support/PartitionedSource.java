package weir.tests.support;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.annotation.Nullable;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.Boundedness;
import weir.api.connector.source.InputStatus;
import weir.api.connector.source.ReaderOutput;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SourceSplit;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;

/**
 * A Kafka-like test source: fixed partitions, partition i read by subtask i mod parallelism, and
 * each reader interleaves all its partitions record by record, emitting each through the output
 * of its partition (so watermarks are generated per partition). A partition may wait, quiet, for
 * a file to appear before it ends or before a given position, so that a test can keep it quiet
 * while it observes the job.
 *
 * <p>Checkpoints hold each partition with the number of its events already emitted, and the
 * enumerator's partitions not yet assigned, so a restored job continues where it stood.
 */
public final class PartitionedSource
    implements Source<PartitionedSource.Event, PartitionedSource.Partition, List<Integer>> {
  private static final long serialVersionUID = 1L;

  /** A record: a key, its event time, and the partition it came from. */
  public record Event(String key, long timestamp, int partition) implements Serializable {}

  /**
   * One partition and what it holds. With a {@code releaseFile}, the partition stops before the
   * event at position {@code holdAt} (or before its end, when {@code holdAt} is the number of
   * events) until that file exists. {@code position} is the number of events already emitted.
   */
  public record Partition(int index, List<Event> events, @Nullable String releaseFile, int holdAt, int position)
      implements SourceSplit {
    public Partition {
      if (holdAt < 0 || holdAt > events.size()) {
        throw new IllegalArgumentException("Partition " + index + " of " + events.size() + " events cannot hold at "
            + holdAt);
      }
      if (position < 0 || position > events.size()) {
        throw new IllegalArgumentException("Partition " + index + " of " + events.size()
            + " events cannot be at position " + position);
      }
    }

    /** A partition not read yet. */
    public Partition(int index, List<Event> events, @Nullable String releaseFile, int holdAt) {
      this(index, events, releaseFile, holdAt, 0);
    }

    /** A partition that, with a {@code releaseFile}, waits for it before it ends. */
    public Partition(int index, List<Event> events, @Nullable String releaseFile) {
      this(index, events, releaseFile, events.size());
    }

    @Override
    public String splitId() {
      return "partition-" + index;
    }

    /** This partition with {@code emitted} events already emitted. */
    Partition at(int emitted) {
      return new Partition(index, events, releaseFile, holdAt, emitted);
    }
  }

  private final List<Partition> partitions;

  public PartitionedSource(List<Partition> partitions) {
    this.partitions = List.copyOf(partitions);
  }

  /** A partition of events with the given timestamps, keyed {@code key}. */
  public static Partition partition(int index, String key, long... timestamps) {
    return partition(index, null, key, timestamps);
  }

  /** Like {@link #partition(int, String, long...)}, staying open (idle) until {@code releaseFile} exists. */
  public static Partition partition(int index, @Nullable Path releaseFile, String key, long... timestamps) {
    List<Event> events = new ArrayList<>();
    for (long t : timestamps) {
      events.add(new Event(key, t, index));
    }
    return new Partition(index, events, releaseFile == null ? null : releaseFile.toString());
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<Partition, List<Integer>> createEnumerator(SplitEnumeratorContext<Partition> context) {
    List<Integer> all = new ArrayList<>();
    for (Partition p : partitions) {
      all.add(p.index());
    }
    return new Enumerator(context, partitions, all);
  }

  @Override
  public SplitEnumerator<Partition, List<Integer>> restoreEnumerator(
      SplitEnumeratorContext<Partition> context, List<Integer> unassigned) {
    return new Enumerator(context, partitions, unassigned);
  }

  @Override
  public SourceReader<Event, Partition> createReader(SourceReaderContext context) {
    return new Reader();
  }

  @Override
  public SimpleVersionedSerializer<Partition> getSplitSerializer() {
    return new PartitionSerializer();
  }

  @Override
  public SimpleVersionedSerializer<List<Integer>> getEnumeratorCheckpointSerializer() {
    return new UnassignedSerializer();
  }

  /**
   * Assigns partition i to reader i mod parallelism when that reader registers; its checkpoint
   * is the indexes of the partitions not assigned yet.
   */
  private static final class Enumerator implements SplitEnumerator<Partition, List<Integer>> {
    private final SplitEnumeratorContext<Partition> context;
    private final List<Partition> partitions;
    private final TreeSet<Integer> unassigned;

    Enumerator(SplitEnumeratorContext<Partition> context, List<Partition> partitions, List<Integer> unassigned) {
      this.context = context;
      this.partitions = partitions;
      this.unassigned = new TreeSet<>(unassigned);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId) {}

    @Override
    public void addSplitsBack(List<Partition> splits, int subtaskId) {
      throw new UnsupportedOperationException("not needed by the tests: a failure restarts the whole job");
    }

    @Override
    public void addReader(int subtaskId) {
      for (Partition p : partitions) {
        if (p.index() % context.currentParallelism() == subtaskId && unassigned.remove(p.index())) {
          context.assignSplit(p, subtaskId);
        }
      }
      context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public List<Integer> snapshotState(long checkpointId) {
      return new ArrayList<>(unassigned);
    }
  }

  /**
   * Version 1: index, the events (count, then key, timestamp and partition of each), the release
   * file (nullable string), holdAt and position.
   */
  private static final class PartitionSerializer implements SimpleVersionedSerializer<Partition> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Partition p) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(64 + 24 * p.events().size());
      out.writeInt(p.index());
      out.writeInt(p.events().size());
      for (Event e : p.events()) {
        out.writeUTF(e.key());
        out.writeLong(e.timestamp());
        out.writeInt(e.partition());
      }
      out.writeString(p.releaseFile());
      out.writeInt(p.holdAt());
      out.writeInt(p.position());
      return out.copyOfBuffer();
    }

    @Override
    public Partition deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) {
        throw new IOException("Cannot read a partition of version " + version + "; this test source reads version 1");
      }
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      int index = in.readInt();
      int count = in.readInt();
      List<Event> events = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        events.add(new Event(in.readUTF(), in.readLong(), in.readInt()));
      }
      return new Partition(index, events, in.readString(), in.readInt(), in.readInt());
    }
  }

  /** Version 1: the number of indexes, then each index (ints). */
  private static final class UnassignedSerializer implements SimpleVersionedSerializer<List<Integer>> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(List<Integer> unassigned) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(4 + 4 * unassigned.size());
      out.writeInt(unassigned.size());
      for (int index : unassigned) {
        out.writeInt(index);
      }
      return out.copyOfBuffer();
    }

    @Override
    public List<Integer> deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) {
        throw new IOException("Cannot read unassigned partitions of version " + version
            + "; this test source reads version 1");
      }
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      int count = in.readInt();
      List<Integer> unassigned = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        unassigned.add(in.readInt());
      }
      return unassigned;
    }
  }

  private static final class Reader implements SourceReader<Event, Partition> {
    private final List<Partition> assigned = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private boolean noMoreSplits;

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<Event> output) {
      boolean emitted = false;
      boolean open = false;
      for (int i = 0; i < assigned.size(); i++) {
        Partition p = assigned.get(i);
        int position = positions.get(i);
        if (position == p.holdAt() && p.releaseFile() != null && !Files.exists(Path.of(p.releaseFile()))) {
          open = true;
        } else if (position < p.events().size()) {
          output.createOutputForSplit(p.splitId()).collect(p.events().get(position), p.events().get(position).timestamp());
          positions.set(i, position + 1);
          emitted = true;
          open = true;
        } else if (position == p.events().size()) {
          output.releaseOutputForSplit(p.splitId());
          positions.set(i, position + 1);
        }
      }
      if (emitted) {
        return InputStatus.MORE_AVAILABLE;
      }
      return open || !noMoreSplits ? InputStatus.NOTHING_AVAILABLE : InputStatus.END_OF_INPUT;
    }

    @Override
    public List<Partition> snapshotState(long checkpointId) {
      List<Partition> splits = new ArrayList<>(assigned.size());
      for (int i = 0; i < assigned.size(); i++) {
        Partition p = assigned.get(i);
        // a position past the end marks a partition whose output was released
        splits.add(p.at(Math.min(positions.get(i), p.events().size())));
      }
      return splits;
    }

    @Override
    public void addSplits(List<Partition> splits) {
      for (Partition p : splits) {
        assigned.add(p);
        positions.add(p.position());
      }
    }

    @Override
    public void notifyNoMoreSplits() {
      noMoreSplits = true;
    }
  }
}
