package weir.bench.windows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReader;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The window benchmark's events as a Flink FLIP-27 source: {@code (key, timestamp)} tuples, one
 * {@link EventSplit} per reader, read with Flink's stock {@link IteratorSourceReader} (the reader
 * of its {@code NumberSequenceSource}), one new tuple per event.
 *
 * <p>The enumerator assigns split {@code s} to reader {@code s} and then tells the reader there
 * are no more, instead of handing splits out on request like Flink's
 * {@code IteratorSourceEnumerator}: a reader that finished a split early and took another would
 * go back in event time (see {@link EventSplit}).
 */
record FlinkEventSource(WindowEvents events)
    implements Source<Tuple2<Long, Long>, FlinkEventSource.Split, Collection<FlinkEventSource.Split>>,
        ResultTypeQueryable<Tuple2<Long, Long>> {

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<Tuple2<Long, Long>> getProducedType() {
    return Types.TUPLE(Types.LONG, Types.LONG);
  }

  @Override
  public SourceReader<Tuple2<Long, Long>, Split> createReader(SourceReaderContext context) {
    return new IteratorSourceReader<>(context);
  }

  @Override
  public SplitEnumerator<Split, Collection<Split>> createEnumerator(SplitEnumeratorContext<Split> context) {
    List<Split> splits = new ArrayList<>();
    for (EventSplit range : events.splits(context.currentParallelism())) {
      splits.add(new Split(events, range));
    }
    return new OneSplitPerReader(context, splits);
  }

  @Override
  public SplitEnumerator<Split, Collection<Split>> restoreEnumerator(
      SplitEnumeratorContext<Split> context, Collection<Split> checkpoint) {
    return new OneSplitPerReader(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<Split> getSplitSerializer() {
    return new SplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Collection<Split>> getEnumeratorCheckpointSerializer() {
    return new CheckpointSerializer();
  }

  /** One reader's events; the position is kept in {@code range}. */
  record Split(WindowEvents events, EventSplit range)
      implements IteratorSourceSplit<Tuple2<Long, Long>, EventIterator> {
    @Override
    public String splitId() {
      return range.name();
    }

    @Override
    public EventIterator getIterator() {
      return new EventIterator(events, range);
    }

    @Override
    public IteratorSourceSplit<Tuple2<Long, Long>, EventIterator> getUpdatedSplitForIterator(
        EventIterator iterator) {
      return new Split(events, range.at(iterator.next));
    }
  }

  /** Steps through one split's indices, making each event from its index. */
  static final class EventIterator implements Iterator<Tuple2<Long, Long>> {
    private final WindowEvents events;
    private final long stride;
    private final long end;
    private long next;

    EventIterator(WindowEvents events, EventSplit range) {
      this.events = events;
      this.stride = range.stride();
      this.end = range.end();
      this.next = range.next();
    }

    @Override
    public boolean hasNext() {
      return next < end;
    }

    @Override
    public Tuple2<Long, Long> next() {
      long i = next;
      if (i >= end) {
        throw new NoSuchElementException();
      }
      next = i + stride;
      return new Tuple2<>(events.key(i), events.timestamp(i));
    }
  }

  /** Assigns split {@code s} to reader {@code s} on its first request, then signals the end. */
  private static final class OneSplitPerReader implements SplitEnumerator<Split, Collection<Split>> {
    private final SplitEnumeratorContext<Split> context;
    private final Map<Integer, Split> unassigned = new HashMap<>();

    OneSplitPerReader(SplitEnumeratorContext<Split> context, Collection<Split> splits) {
      this.context = context;
      splits.forEach(this::putBack);
    }

    private void putBack(Split split) {
      unassigned.put(split.range().id(), split);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
      Split split = unassigned.remove(subtaskId);
      if (split != null) {
        context.assignSplit(split, subtaskId);
      }
      context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<Split> splits, int subtaskId) {
      splits.forEach(this::putBack);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public Collection<Split> snapshotState(long checkpointId) {
      return new ArrayList<>(unassigned.values());
    }

    @Override
    public void close() {}
  }

  /** Version 1: workload ordinal, records, keys, events per second, split id, next, stride, end. */
  private static final class SplitSerializer implements SimpleVersionedSerializer<Split> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Split split) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(48);
      write(out, split);
      return out.getCopyOfBuffer();
    }

    @Override
    public Split deserialize(int version, byte[] serialized) throws IOException {
      checkVersion(version);
      return read(new DataInputDeserializer(serialized));
    }

    static void write(DataOutputView out, Split split) throws IOException {
      out.writeInt(split.events().workload().ordinal());
      out.writeLong(split.events().records());
      out.writeLong(split.events().keys());
      out.writeLong(split.events().eventsPerSecond());
      out.writeInt(split.range().id());
      out.writeLong(split.range().next());
      out.writeInt(split.range().stride());
      out.writeLong(split.range().end());
    }

    static Split read(DataInputView in) throws IOException {
      WindowEvents events = 
          new WindowEvents(Workload.values()[in.readInt()], in.readLong(), in.readLong(), in.readLong());
      return new Split(events, new EventSplit(in.readInt(), in.readLong(), in.readInt(), in.readLong()));
    }
  }

  /** Version 1: the number of splits, then each split as {@link SplitSerializer} writes it. */
  private static final class CheckpointSerializer implements SimpleVersionedSerializer<Collection<Split>> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Collection<Split> splits) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(4 + 48 * splits.size());
      out.writeInt(splits.size());
      for (Split split : splits) {
        SplitSerializer.write(out, split);
      }
      return out.getCopyOfBuffer();
    }

    @Override
    public Collection<Split> deserialize(int version, byte[] serialized) throws IOException {
      checkVersion(version);
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      int n = in.readInt();
      List<Split> splits = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        splits.add(SplitSerializer.read(in));
      }
      return splits;
    }
  }

  private static void checkVersion(int version) throws IOException {
    if (version != 1) {
      throw new IOException("unknown serializer version " + version + ", expected 1");
    }
  }
}
