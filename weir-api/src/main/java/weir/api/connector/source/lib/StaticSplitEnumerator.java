package weir.api.connector.source.lib;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import weir.api.annotation.Public;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.SourceSplit;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;

/**
 * Hands out a fixed set of splits, one per request, and tells a reader that there are no more
 * once they are gone. Its checkpoint is the splits not yet assigned, stored with
 * {@link #checkpointSerializer}.
 *
 * @param <S> the split type
 * @since 0.1
 */
@Public
public final class StaticSplitEnumerator<S extends SourceSplit>
    implements SplitEnumerator<S, Collection<S>> {
  private final SplitEnumeratorContext<S> context;
  private final ArrayDeque<S> remaining;

  public StaticSplitEnumerator(SplitEnumeratorContext<S> context, Collection<S> splits) {
    this.context = context;
    this.remaining = new ArrayDeque<>(splits);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    S next = remaining.poll();
    if (next == null) {
      context.signalNoMoreSplits(subtaskId);
    } else {
      context.assignSplit(next, subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<S> splits, int subtaskId) {
    remaining.addAll(splits);
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public Collection<S> snapshotState(long checkpointId) {
    return new ArrayList<>(remaining);
  }

  /**
   * Stores this enumerator's checkpoint, a collection of splits, each split in the bytes of
   * {@code splitSerializer}. The split serializer's version is stored with the collection, so a
   * source that changes its split format keeps reading old checkpoints through its own
   * serializer.
   */
  public static <S extends SourceSplit> SimpleVersionedSerializer<Collection<S>> checkpointSerializer(
      SimpleVersionedSerializer<S> splitSerializer) {
    return new CheckpointSerializer<>(splitSerializer);
  }

  /**
   * Version 1: the split serializer's version (int), the number of splits (int), then each split
   * as its length (int) and its bytes.
   */
  private record CheckpointSerializer<S>(SimpleVersionedSerializer<S> splitSerializer)
      implements SimpleVersionedSerializer<Collection<S>> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(Collection<S> splits) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(64);
      out.writeInt(splitSerializer.getVersion());
      out.writeInt(splits.size());
      for (S split : splits) {
        byte[] bytes = splitSerializer.serialize(split);
        out.writeInt(bytes.length);
        out.write(bytes);
      }
      return out.copyOfBuffer();
    }

    @Override
    public Collection<S> deserialize(int version, byte[] serialized) throws IOException {
      if (version != VERSION) {
        throw new IOException("Cannot read a split enumerator checkpoint of version " + version
            + "; this release reads version " + VERSION);
      }
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      int splitVersion = in.readInt();
      int count = in.readInt();
      if (count < 0 || count > in.available() / Integer.BYTES) {
        throw new IOException("Corrupt split enumerator checkpoint: " + count + " splits in "
            + serialized.length + " bytes");
      }
      List<S> splits = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
          throw new IOException("Corrupt split enumerator checkpoint: split " + i + " of " + length
              + " bytes, but " + in.available() + " bytes remain");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        splits.add(splitSerializer.deserialize(splitVersion, bytes));
      }
      if (in.available() != 0) {
        throw new IOException("Corrupt split enumerator checkpoint: " + in.available()
            + " bytes left after " + count + " splits");
      }
      return splits;
    }
  }
}
