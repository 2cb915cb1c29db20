package weir.testing.faults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.sink.CommitRequest;
import weir.api.connector.sink.Committer;
import weir.api.connector.sink.CommitterInitContext;
import weir.api.connector.sink.CommittingSinkWriter;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SupportsCommitter;
import weir.api.connector.sink.WriterInitContext;
import weir.api.datastream.DataStream;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.TypeSerializer;

/**
 * A two-phase sink for tests: records become visible in {@link #committed()} only when the
 * checkpoint that covers them completes, each batch once even when its commit is repeated after
 * a restart. So {@link #committed()} is what an exactly-once job delivered; records of a failed
 * attempt that no completed checkpoint covers never appear. Committables are stored in checkpoints
 * with the serializer of the record type given at construction.
 *
 * <p>The sink is copied into the job; the copies find the committed records through a store in
 * this JVM under the sink's id. {@link #close()} frees it.
 *
 * @param <T> the record type
 * @since 0.1
 */
public final class ExactlyOnceSink<T> implements Sink<T>, SupportsCommitter<ExactlyOnceSink.Batch<T>>, AutoCloseable {
  private static final Map<String, Map<String, List<?>>> COMMITTED = new ConcurrentHashMap<>();

  /** One subtask's records between two checkpoints, named so that committing it again is a no-op. */
  public record Batch<T>(String id, List<T> records) {}

  private final String id = UUID.randomUUID().toString();
  private final TypeSerializer<T> serializer;

  /** A sink whose committables store records with {@code serializer}. */
  public ExactlyOnceSink(TypeSerializer<T> serializer) {
    this.serializer = serializer;
    COMMITTED.put(id, new ConcurrentHashMap<>());
  }

  /** A sink for the records of {@code stream}, stored with the serializer of its type. */
  public static <T> ExactlyOnceSink<T> forStream(DataStream<T> stream) {
    return new ExactlyOnceSink<>(stream.getType()
        .createSerializer(stream.getExecutionEnvironment().getConfig().getSerializerConfig()));
  }

  /** The records of every committed batch, in no particular order. */
  @SuppressWarnings("unchecked")
  public List<T> committed() {
    List<T> all = new ArrayList<>();
    for (List<?> batch : store().values()) {
      all.addAll((List<T>) batch);
    }
    return all;
  }

  private Map<String, List<?>> store() {
    Map<String, List<?>> store = COMMITTED.get(id);
    if (store == null) {
      throw new IllegalStateException("ExactlyOnceSink " + id + " was closed");
    }
    return store;
  }

  @Override
  public CommittingSinkWriter<T, Batch<T>> createWriter(WriterInitContext context) {
    return new CommittingSinkWriter<>() {
      private List<T> open = new ArrayList<>();

      @Override
      public void write(T element) {
        open.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public Collection<Batch<T>> prepareCommit() {
        if (open.isEmpty()) {
          return List.of();
        }
        Batch<T> batch = new Batch<>(UUID.randomUUID().toString(), open);
        open = new ArrayList<>();
        return List.of(batch);
      }
    };
  }

  @Override
  public Committer<Batch<T>> createCommitter(CommitterInitContext context) {
    Map<String, List<?>> store = store();
    return new Committer<>() {
      @Override
      public void commit(Collection<CommitRequest<Batch<T>>> requests) {
        for (CommitRequest<Batch<T>> r : requests) {
          store.putIfAbsent(r.getCommittable().id(), List.copyOf(r.getCommittable().records()));
        }
      }
    };
  }

  @Override
  public SimpleVersionedSerializer<Batch<T>> getCommittableSerializer() {
    TypeSerializer<T> records = serializer.duplicate();
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(Batch<T> batch) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64 + 16 * batch.records().size());
        out.writeUTF(batch.id());
        out.writeInt(batch.records().size());
        for (T record : batch.records()) {
          records.serializeNullable(record, out);
        }
        return out.copyOfBuffer();
      }

      @Override
      public Batch<T> deserialize(int version, byte[] serialized) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        String batchId = in.readUTF();
        int n = in.readInt();
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(records.deserializeNullable(in));
        }
        return new Batch<>(batchId, list);
      }
    };
  }

  @Override
  public void close() {
    COMMITTED.remove(id);
  }
}
