package weir.runtime.time;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The timers of one time domain of one operator: a binary min-heap by time (ties in the order
 * they were set, so firing order is deterministic) plus a hash index that makes setting the same
 * timer twice a no-op and deletion O(log n).
 *
 * <p>Owned by the subtask's thread.
 *
 * @param <N> the namespace type (windows for window operators)
 */
public final class TimerHeap<N> {
  /** One timer: a time for a key and namespace. Mutable only inside the heap. */
  public static final class Timer<N> {
    long time;
    Object key;
    N namespace;
    long sequence;
    int index;

    public long time() {
      return time;
    }

    /** The order of timers set for the same time. */
    public long sequence() {
      return sequence;
    }

    public Object key() {
      return key;
    }

    public N namespace() {
      return namespace;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Timer<?> t && t.time == time && t.key.equals(key) && t.namespace.equals(namespace);
    }

    @Override
    public int hashCode() {
      return (Long.hashCode(time) * 31 + key.hashCode()) * 31 + namespace.hashCode();
    }

    @Override
    public String toString() {
      return "Timer{time=" + time + ", key=" + key + ", namespace=" + namespace + "}";
    }
  }

  @SuppressWarnings("unchecked")
  private Timer<N>[] heap = (Timer<N>[]) new Timer<?>[16];
  private int size;
  private long nextSequence;
  private final HashMap<Timer<N>, Timer<N>> index = new HashMap<>();
  // the lookup key for contains/remove, reused so that looking up allocates nothing
  private final Timer<N> probe = new Timer<>();

  /** Sets a timer; false if the same one was set already. */
  public boolean add(long time, Object key, N namespace) {
    if (index.containsKey(probe(time, key, namespace))) {
      return false;
    }
    Timer<N> timer = new Timer<>();
    timer.time = time;
    timer.key = Objects.requireNonNull(key);
    timer.namespace = Objects.requireNonNull(namespace);
    timer.sequence = nextSequence++;
    index.put(timer, timer);
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    timer.index = size;
    heap[size++] = timer;
    siftUp(timer.index);
    return true;
  }

  /** Visits every timer, in no particular order; the heap must not change meanwhile. */
  public void forEach(java.util.function.Consumer<Timer<N>> visitor) {
    for (int i = 0; i < size; i++) {
      visitor.accept(heap[i]);
    }
  }

  /** Removes a timer; false if it was not set. */
  public boolean remove(long time, Object key, N namespace) {
    Timer<N> timer = index.remove(probe(time, key, namespace));
    if (timer == null) {
      return false;
    }
    removeAt(timer.index);
    return true;
  }

  /** The earliest timer, or {@code null}. */
  @Nullable
  public Timer<N> peek() {
    return size == 0 ? null : heap[0];
  }

  /** The time of the earliest timer, or {@code Long.MAX_VALUE}. */
  public long nextTime() {
    return size == 0 ? Long.MAX_VALUE : heap[0].time;
  }

  /** Removes and returns the earliest timer, or {@code null}. */
  @Nullable
  public Timer<N> poll() {
    if (size == 0) {
      return null;
    }
    Timer<N> head = heap[0];
    index.remove(head);
    removeAt(0);
    return head;
  }

  public int size() {
    return size;
  }

  private Timer<N> probe(long time, Object key, N namespace) {
    probe.time = time;
    probe.key = key;
    probe.namespace = namespace;
    return probe;
  }

  private void removeAt(int i) {
    Timer<N> last = heap[--size];
    heap[size] = null;
    if (i == size) {
      return;
    }
    heap[i] = last;
    last.index = i;
    siftDown(i);
    siftUp(last.index);
  }

  private boolean less(Timer<N> a, Timer<N> b) {
    return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
  }

  private void siftUp(int i) {
    Timer<N> t = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Timer<N> p = heap[parent];
      if (!less(t, p)) {
        break;
      }
      heap[i] = p;
      p.index = i;
      i = parent;
    }
    heap[i] = t;
    t.index = i;
  }

  private void siftDown(int i) {
    Timer<N> t = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && less(heap[right], heap[child])) {
        child = right;
      }
      if (!less(heap[child], t)) {
        break;
      }
      heap[i] = heap[child];
      heap[i].index = i;
      i = child;
    }
    heap[i] = t;
    t.index = i;
  }
}
