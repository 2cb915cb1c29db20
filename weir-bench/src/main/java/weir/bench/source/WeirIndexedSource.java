package weir.bench.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import weir.bench.foundation.CheckpointProbes;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.Boundedness;
import weir.api.connector.source.InputStatus;
import weir.api.connector.source.ReaderOutput;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;
import weir.api.connector.source.lib.SequentialSplitReader;
import weir.api.connector.source.lib.StaticSplitEnumerator;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;

/**
 * Events {@code 0 .. records-1} of {@code events} as a Weir source: one {@link EventSplit} per
 * reader, assigned when the reader registers (as {@link FlinkIndexedSource} does, so that no reader
 * goes back in event time), read in batches. Each reader keeps a {@link ReaderClock}; the
 * enumerator reports completed checkpoints to {@link CheckpointProbes}.
 *
 * @param events makes event {@code i}
 * @param records the number of events
 * @param eventsPerSecond the pace of the whole source in events per second of wall-clock time, 0
 *     for as fast as possible
 * @param <T> the event type
 */
public record WeirIndexedSource<T>(IndexedEvents<T> events, long records, long eventsPerSecond)
    implements Source<T, EventSplit, Collection<EventSplit>> {

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<EventSplit, Collection<EventSplit>> createEnumerator(SplitEnumeratorContext<EventSplit> context) {
    return new OneSplitPerReader(context, EventSplit.plan(records, context.currentParallelism()));
  }

  @Override
  public SplitEnumerator<EventSplit, Collection<EventSplit>> restoreEnumerator(
      SplitEnumeratorContext<EventSplit> context, Collection<EventSplit> unassigned) {
    return new OneSplitPerReader(context, unassigned);
  }

  @Override
  public SourceReader<T, EventSplit> createReader(SourceReaderContext context) {
    return new Reader<>(context, events, eventsPerSecond);
  }

  @Override
  public SimpleVersionedSerializer<EventSplit> getSplitSerializer() {
    return SplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<Collection<EventSplit>> getEnumeratorCheckpointSerializer() {
    return StaticSplitEnumerator.checkpointSerializer(SplitSerializer.INSTANCE);
  }

  /** Gives split {@code s} to reader {@code s} when it registers, then tells it there are no more. */
  private static final class OneSplitPerReader implements SplitEnumerator<EventSplit, Collection<EventSplit>> {
    private final SplitEnumeratorContext<EventSplit> context;
    private final Map<Integer, EventSplit> unassigned = new HashMap<>();

    OneSplitPerReader(SplitEnumeratorContext<EventSplit> context, Collection<EventSplit> splits) {
      this.context = context;
      splits.forEach(this::putBack);
    }

    private void putBack(EventSplit split) {
      unassigned.put(split.id(), split);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId) {}

    @Override
    public void addSplitsBack(List<EventSplit> splits, int subtaskId) {
      splits.forEach(this::putBack);
    }

    @Override
    public void addReader(int subtaskId) {
      EventSplit split = unassigned.remove(subtaskId);
      if (split != null) {
        context.assignSplit(split, subtaskId);
      }
      context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CheckpointProbes.checkpointCompleted();
    }

    @Override
    public Collection<EventSplit> snapshotState(long checkpointId) {
      return new ArrayList<>(unassigned.values());
    }
  }

  /** Version 1: {@link EventSplit#writeTo}. */
  private static final class SplitSerializer implements SimpleVersionedSerializer<EventSplit> {
    static final SplitSerializer INSTANCE = new SplitSerializer();

    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(EventSplit split) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(24);
      split.writeTo(out);
      return out.copyOfBuffer();
    }

    @Override
    public EventSplit deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) {
        throw new IOException("Cannot read an event split of version " + version + "; this release reads version 1");
      }
      return EventSplit.readFrom(new DataInputDeserializer(serialized));
    }
  }

  /** Emits the events of its split, a batch per poll. */
  private static final class Reader<T> extends SequentialSplitReader<T, EventSplit> {
    private final IndexedEvents<T> events;
    private final ReaderClock clock;
    private EventSplit split;
    private long next;

    Reader(SourceReaderContext context, IndexedEvents<T> events, long eventsPerSecond) {
      super(context);
      this.events = events;
      this.clock = new ReaderClock(eventsPerSecond);
    }

    @Override
    protected void openSplit(EventSplit split) {
      this.split = split;
      this.next = split.next();
    }

    @Override
    protected InputStatus readBatch(ReaderOutput<T> output) {
      long end = split.end();
      int stride = split.stride();
      for (int n = 0; n < BATCH_SIZE && next < end; n++, next += stride) {
        if (!clock.isDue(next)) {
          // paced and ahead of time: give the worker thread back until the event is due
          return InputStatus.NOTHING_AVAILABLE;
        }
        output.collect(events.event(next));
      }
      return next < end ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
    }

    @Override
    protected EventSplit currentPosition() {
      return split.at(next);
    }
  }
}
