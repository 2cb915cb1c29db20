package weir.bench.windows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * The window benchmark's events as a Weir source: one {@link EventSplit} per reader, assigned up
 * front (as {@link FlinkEventSource} does, so no reader goes back in event time), each event a
 * {@link WeirWindowPipelines.Event}.
 */
record WeirEventSource(WindowEvents events) implements Source<WeirWindowPipelines.Event, EventSplit, Collection<EventSplit>> {
  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<EventSplit, Collection<EventSplit>> createEnumerator(SplitEnumeratorContext<EventSplit> context) {
    List<EventSplit> splits = events.splits(context.currentParallelism());
    return new SplitEnumerator<>() {
      @Override
      public void start() {}

      @Override
      public void handleSplitRequest(int subtaskId) {}

      @Override
      public void addSplitsBack(List<EventSplit> returned, int subtaskId) {
        throw new UnsupportedOperationException("the window benchmark does not recover");
      }

      @Override
      public void addReader(int subtaskId) {
        context.assignSplit(splits.get(subtaskId), subtaskId);
        context.signalNoMoreSplits(subtaskId);
      }

      @Override
      public Collection<EventSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(splits);
      }
    };
  }

  @Override
  public SplitEnumerator<EventSplit, Collection<EventSplit>> restoreEnumerator(
      SplitEnumeratorContext<EventSplit> context, Collection<EventSplit> state) {
    return createEnumerator(context);
  }

  @Override
  public SourceReader<WeirWindowPipelines.Event, EventSplit> createReader(SourceReaderContext context) {
    return new Reader(context, events);
  }

  @Override
  public SimpleVersionedSerializer<EventSplit> getSplitSerializer() {
    return SplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<Collection<EventSplit>> getEnumeratorCheckpointSerializer() {
    return StaticSplitEnumerator.checkpointSerializer(SplitSerializer.INSTANCE);
  }

  /** Version 1: id (int), next (long), stride (int), end (long). */
  private static final class SplitSerializer implements SimpleVersionedSerializer<EventSplit> {
    static final SplitSerializer INSTANCE = new SplitSerializer();

    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(EventSplit split) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(24);
      out.writeInt(split.id());
      out.writeLong(split.next());
      out.writeInt(split.stride());
      out.writeLong(split.end());
      return out.copyOfBuffer();
    }

    @Override
    public EventSplit deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) {
        throw new IOException("Cannot read an event split of version " + version + "; this release reads version 1");
      }
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      return new EventSplit(in.readInt(), in.readLong(), in.readInt(), in.readLong());
    }
  }

  /** Emits the events of its split, a batch per poll. */
  private static final class Reader extends SequentialSplitReader<WeirWindowPipelines.Event, EventSplit> {
    private final WindowEvents events;
    private EventSplit split;
    private long next;

    Reader(SourceReaderContext context, WindowEvents events) {
      super(context);
      this.events = events;
    }

    @Override
    protected void openSplit(EventSplit split) {
      this.split = split;
      this.next = split.next();
    }

    @Override
    protected InputStatus readBatch(ReaderOutput<WeirWindowPipelines.Event> output) {
      long end = split.end();
      int stride = split.stride();
      for (int n = 0; n < BATCH_SIZE && next < end; n++, next += stride) {
        output.collect(new WeirWindowPipelines.Event(events.key(next), events.timestamp(next)));
      }
      return next < end ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
    }

    @Override
    protected EventSplit currentPosition() {
      return split.at(next);
    }
  }
}
