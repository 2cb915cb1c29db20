package weir.tests.support;

import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter that user functions of a running job and the test thread share. Functions are
 * serialized into the job graph, so a plain field would be copied per subtask; this handle only
 * holds a random id into a process-wide registry. {@link #close()} drops the entry.
 */
public final class SharedCounter implements Serializable, AutoCloseable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  public SharedCounter() {
    COUNTERS.put(id, new AtomicLong());
  }

  /** Adds one. */
  public void increment() {
    counter().incrementAndGet();
  }

  /** The current value. */
  public long get() {
    return counter().get();
  }

  private AtomicLong counter() {
    AtomicLong counter = COUNTERS.get(id);
    if (counter == null) {
      throw new IllegalStateException("Shared counter " + id + " was closed");
    }
    return counter;
  }

  @Override
  public void close() {
    COUNTERS.remove(id);
  }
}
