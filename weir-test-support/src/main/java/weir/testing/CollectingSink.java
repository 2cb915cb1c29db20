package weir.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;

/**
 * A sink that gathers the records of all its subtasks where the test can read them, for jobs run
 * embedded in the test's JVM at any parallelism.
 *
 * <pre>{@code
 * try (var sink = CollectingSink.<Long>create()) {
 *   env.fromSequence(1, 100).map(x -> x * 2).sinkTo(sink);
 *   env.execute();
 *   assertThat(sink.records()).hasSize(100);
 * }
 * }</pre>
 *
 * <h3>How records get back</h3>
 * A sink travels inside the serialized job graph and every subtask writes through its own copy,
 * so the copies cannot share a list field. Instead each sink has a random id, and its records
 * live in a JVM-wide registry under that id until the test {@link #close() closes} the sink;
 * tests therefore never see each other's records, even when they run concurrently.
 *
 * <h3>Threading</h3>
 * Subtasks write concurrently; {@link #records()} may be read at any time, also while the job
 * runs. Records of one subtask keep their order; records of different subtasks interleave.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
public final class CollectingSink<T> implements Sink<T>, AutoCloseable {
  private static final long serialVersionUID = 1L;

  /** The records of every open sink in this JVM, by sink id. */
  private static final Map<String, Records> REGISTRY = new ConcurrentHashMap<>();

  private final String id;

  private CollectingSink(String id) {
    this.id = id;
  }

  /** A new, empty sink. */
  public static <T> CollectingSink<T> create() {
    String id = UUID.randomUUID().toString();
    REGISTRY.put(id, new Records());
    return new CollectingSink<>(id);
  }

  /** The records of all subtasks so far. */
  public List<T> records() {
    return copy(registered().all);
  }

  /** The records of subtask {@code subtaskIndex} so far, in the order it wrote them. */
  public List<T> records(int subtaskIndex) {
    Queue<Object> records = registered().bySubtask.get(subtaskIndex);
    return records == null ? List.of() : copy(records);
  }

  /** Forgets the records gathered so far; the sink stays usable. */
  public void clear() {
    Records records = registered();
    records.all.clear();
    records.bySubtask.clear();
  }

  /** Forgets the records and unregisters the sink; jobs that still write to it fail. */
  @Override
  public void close() {
    REGISTRY.remove(id);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    Records records = registered();
    Queue<Object> own = records.bySubtask.computeIfAbsent(context.getSubtaskIndex(), i -> new ConcurrentLinkedQueue<>());
    return new SinkWriter<>() {
      @Override
      public void write(T element) {
        own.add(element);
        records.all.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}
    };
  }

  private Records registered() {
    Records records = REGISTRY.get(id);
    if (records == null) {
      throw new IllegalStateException("CollectingSink " + id
          + " is closed, or the job runs in another JVM than the test that created the sink");
    }
    return records;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> copy(Queue<Object> records) {
    return (List<T>) new ArrayList<>(records);
  }

  /** The records of one sink: all of them, and each subtask's in order. */
  private static final class Records {
    final Queue<Object> all = new ConcurrentLinkedQueue<>();
    final Map<Integer, Queue<Object>> bySubtask = new ConcurrentHashMap<>();
  }
}
