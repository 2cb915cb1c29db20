package weir.tests.support;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import weir.api.connector.source.Boundedness;
import weir.api.connector.source.InputStatus;
import weir.api.connector.source.ReaderOutput;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SourceSplit;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;

/**
 * A Kafka-like test source: fixed partitions, partition i read by subtask i mod parallelism, and
 * each reader interleaves all its partitions record by record, emitting each through the output
 * of its partition (so watermarks are generated per partition). A partition may wait, quiet, for
 * a file to appear before it ends or before a given position, so that a test can keep it quiet
 * while it observes the job.
 */
public final class PartitionedSource implements Source<PartitionedSource.Event, PartitionedSource.Partition, Void> {
  private static final long serialVersionUID = 1L;

  /** A record: a key, its event time, and the partition it came from. */
  public record Event(String key, long timestamp, int partition) implements Serializable {}

  /**
   * One partition and what it holds. With a {@code releaseFile}, the partition stops before the
   * event at position {@code holdAt} (or before its end, when {@code holdAt} is the number of
   * events) until that file exists.
   */
  public record Partition(int index, List<Event> events, @Nullable String releaseFile, int holdAt)
      implements SourceSplit {
    public Partition {
      if (holdAt < 0 || holdAt > events.size()) {
        throw new IllegalArgumentException("Partition " + index + " of " + events.size() + " events cannot hold at "
            + holdAt);
      }
    }

    /** A partition that, with a {@code releaseFile}, waits for it before it ends. */
    public Partition(int index, List<Event> events, @Nullable String releaseFile) {
      this(index, events, releaseFile, events.size());
    }

    @Override
    public String splitId() {
      return "partition-" + index;
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
  public SplitEnumerator<Partition, Void> createEnumerator(SplitEnumeratorContext<Partition> context) {
    return new SplitEnumerator<>() {
      @Override
      public void start() {}

      @Override
      public void handleSplitRequest(int subtaskId) {}

      @Override
      public void addSplitsBack(List<Partition> splits, int subtaskId) {
        throw new UnsupportedOperationException("not needed by the tests");
      }

      @Override
      public void addReader(int subtaskId) {
        for (Partition p : partitions) {
          if (p.index() % context.currentParallelism() == subtaskId) {
            context.assignSplit(p, subtaskId);
          }
        }
        context.signalNoMoreSplits(subtaskId);
      }

      @Override
      public Void snapshotState(long checkpointId) {
        return null;
      }
    };
  }

  @Override
  public SplitEnumerator<Partition, Void> restoreEnumerator(SplitEnumeratorContext<Partition> context, Void state) {
    return createEnumerator(context);
  }

  @Override
  public SourceReader<Event, Partition> createReader(SourceReaderContext context) {
    return new Reader();
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
      return List.copyOf(assigned);
    }

    @Override
    public void addSplits(List<Partition> splits) {
      for (Partition p : splits) {
        assigned.add(p);
        positions.add(0);
      }
    }

    @Override
    public void notifyNoMoreSplits() {
      noMoreSplits = true;
    }
  }
}
