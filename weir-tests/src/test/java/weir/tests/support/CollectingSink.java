package weir.tests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;

/**
 * A sink that gathers the records of all its subtasks where the test can read them.
 *
 * <p>Sinks travel inside the serialized job graph and every subtask gets its own copy, so the
 * records cannot live in an instance field: each sink owns an entry, under a random id, in a
 * process-wide registry, and the copies find it by that id. Tests call {@link #close()} (the sink
 * is {@link AutoCloseable}) to drop the entry.
 */
public final class CollectingSink<T> implements Sink<T>, AutoCloseable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, ConcurrentLinkedQueue<Received<?>>> RECEIVED = new ConcurrentHashMap<>();

  /** A record and the index of the sink subtask that received it. */
  public record Received<T>(int subtask, T value) {}

  private final String id = UUID.randomUUID().toString();

  public CollectingSink() {
    RECEIVED.put(id, new ConcurrentLinkedQueue<>());
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    ConcurrentLinkedQueue<Received<?>> queue = queue();
    int subtask = context.getSubtaskIndex();
    return new SinkWriter<>() {
      @Override
      public void write(T element) {
        queue.add(new Received<>(subtask, element));
      }

      @Override
      public void flush(boolean endOfInput) {}
    };
  }

  /** The records received so far, in the order they arrived (interleaved over subtasks). */
  @SuppressWarnings("unchecked")
  public List<T> values() {
    List<T> values = new ArrayList<>();
    for (Received<?> r : queue()) {
      values.add((T) r.value());
    }
    return values;
  }

  /** The records received so far, by receiving subtask, each list in arrival order. */
  @SuppressWarnings("unchecked")
  public Map<Integer, List<T>> valuesBySubtask() {
    Map<Integer, List<T>> bySubtask = new TreeMap<>();
    for (Received<?> r : queue()) {
      bySubtask.computeIfAbsent(r.subtask(), s -> new ArrayList<>()).add((T) r.value());
    }
    return bySubtask;
  }

  /** How many records arrived so far. */
  public int count() {
    return queue().size();
  }

  private ConcurrentLinkedQueue<Received<?>> queue() {
    ConcurrentLinkedQueue<Received<?>> queue = RECEIVED.get(id);
    if (queue == null) {
      throw new IllegalStateException("Collecting sink " + id + " was closed; create a new one per job");
    }
    return queue;
  }

  @Override
  public void close() {
    RECEIVED.remove(id);
  }
}
