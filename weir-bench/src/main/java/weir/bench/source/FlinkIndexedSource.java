package weir.bench.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import weir.bench.foundation.CheckpointProbes;
import java.util.NoSuchElementException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReader;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Events {@code 0 .. records-1} of {@code events} as a Flink FLIP-27 source: one {@link
 * EventSplit} per reader, read with Flink's stock {@link IteratorSourceReader} (the reader of its
 * {@code NumberSequenceSource}), one new event per index. Each reader keeps a {@link ReaderClock};
 * the enumerator reports completed checkpoints to {@link CheckpointProbes}.
 *
 * <p>The enumerator assigns split {@code s} to reader {@code s} and then tells the reader there
 * are no more, instead of handing splits out on request like Flink's
 * {@code IteratorSourceEnumerator}: a reader that finished a split early and took another would
 * go back in event time (see {@link EventSplit}).
 *
 * @param events makes event {@code i}
 * @param records the number of events
 * @param eventsPerSecond the pace of the whole source in events per second of wall-clock time, 0
 *     for as fast as possible
 * @param type the events' type information
 * @param <T> the event type
 */
public record FlinkIndexedSource<T>(IndexedEvents<T> events, long records, long eventsPerSecond,
    TypeInformation<T> type)
    implements Source<T, FlinkIndexedSource.Split<T>, Collection<FlinkIndexedSource.Split<T>>>,
        ResultTypeQueryable<T> {

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }

  @Override
  public SourceReader<T, Split<T>> createReader(SourceReaderContext context) {
    return new IteratorSourceReader<>(context);
  }

  @Override
  public SplitEnumerator<Split<T>, Collection<Split<T>>> createEnumerator(SplitEnumeratorContext<Split<T>> context) {
    List<Split<T>> splits = new ArrayList<>();
    for (EventSplit range : EventSplit.plan(records, context.currentParallelism())) {
      splits.add(split(range));
    }
    return new OneSplitPerReader<>(context, splits);
  }

  @Override
  public SplitEnumerator<Split<T>, Collection<Split<T>>> restoreEnumerator(
      SplitEnumeratorContext<Split<T>> context, Collection<Split<T>> checkpoint) {
    return new OneSplitPerReader<>(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<Split<T>> getSplitSerializer() {
    return new SplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Collection<Split<T>>> getEnumeratorCheckpointSerializer() {
    return new CheckpointSerializer();
  }

  private Split<T> split(EventSplit range) {
    return new Split<>(events, eventsPerSecond, range);
  }

  /** One reader's events; the position is kept in {@code range}. */
  public record Split<T>(IndexedEvents<T> events, long eventsPerSecond, EventSplit range)
      implements IteratorSourceSplit<T, EventIterator<T>> {
    @Override
    public String splitId() {
      return range.name();
    }

    @Override
    public EventIterator<T> getIterator() {
      return new EventIterator<>(events, eventsPerSecond, range);
    }

    @Override
    public IteratorSourceSplit<T, EventIterator<T>> getUpdatedSplitForIterator(EventIterator<T> iterator) {
      return new Split<>(events, eventsPerSecond, range.at(iterator.next));
    }
  }

  /** Steps through one split's indices, making each event from its index. */
  public static final class EventIterator<T> implements Iterator<T> {
    private final IndexedEvents<T> events;
    private final ReaderClock clock;
    private final long stride;
    private final long end;
    private long next;

    EventIterator(IndexedEvents<T> events, long eventsPerSecond, EventSplit range) {
      this.events = events;
      this.clock = new ReaderClock(eventsPerSecond);
      this.stride = range.stride();
      this.end = range.end();
      this.next = range.next();
    }

    @Override
    public boolean hasNext() {
      return next < end;
    }

    @Override
    public T next() {
      long i = next;
      if (i >= end) {
        throw new NoSuchElementException();
      }
      next = i + stride;
      clock.beforeEmit(i);
      return events.event(i);
    }
  }

  /** Assigns split {@code s} to reader {@code s} on its first request, then signals the end. */
  private static final class OneSplitPerReader<T> implements SplitEnumerator<Split<T>, Collection<Split<T>>> {
    private final SplitEnumeratorContext<Split<T>> context;
    private final Map<Integer, Split<T>> unassigned = new HashMap<>();

    OneSplitPerReader(SplitEnumeratorContext<Split<T>> context, Collection<Split<T>> splits) {
      this.context = context;
      splits.forEach(this::putBack);
    }

    private void putBack(Split<T> split) {
      unassigned.put(split.range().id(), split);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
      Split<T> split = unassigned.remove(subtaskId);
      if (split != null) {
        context.assignSplit(split, subtaskId);
      }
      context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<Split<T>> splits, int subtaskId) {
      splits.forEach(this::putBack);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CheckpointProbes.checkpointCompleted();
    }

    @Override
    public Collection<Split<T>> snapshotState(long checkpointId) {
      return new ArrayList<>(unassigned.values());
    }

    @Override
    public void close() {}
  }

  /** Version 1: id (int), next (long), stride (int), end (long); the events are this source's. */
  private final class SplitSerializer implements SimpleVersionedSerializer<Split<T>> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Split<T> split) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(24);
      write(out, split.range());
      return out.getCopyOfBuffer();
    }

    @Override
    public Split<T> deserialize(int version, byte[] serialized) throws IOException {
      checkVersion(version);
      return split(read(new DataInputDeserializer(serialized)));
    }
  }

  /** Version 1: the number of splits, then each split as {@link SplitSerializer} writes it. */
  private final class CheckpointSerializer implements SimpleVersionedSerializer<Collection<Split<T>>> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Collection<Split<T>> splits) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(4 + 24 * splits.size());
      out.writeInt(splits.size());
      for (Split<T> split : splits) {
        write(out, split.range());
      }
      return out.getCopyOfBuffer();
    }

    @Override
    public Collection<Split<T>> deserialize(int version, byte[] serialized) throws IOException {
      checkVersion(version);
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      int n = in.readInt();
      List<Split<T>> splits = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        splits.add(split(read(in)));
      }
      return splits;
    }
  }

  private static void write(DataOutputSerializer out, EventSplit range) throws IOException {
    range.writeTo(out);
  }

  private static EventSplit read(DataInputDeserializer in) throws IOException {
    return EventSplit.readFrom(in);
  }

  private static void checkVersion(int version) throws IOException {
    if (version != 1) {
      throw new IOException("unknown serializer version " + version + ", expected 1");
    }
  }
}
