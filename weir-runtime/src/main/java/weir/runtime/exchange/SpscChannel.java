package weir.runtime.exchange;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.annotation.Nullable;
import weir.api.typeinfo.TypeInfo;

/**
 * A bounded single-producer/single-consumer ring of record references between two subtasks in
 * one JVM. Both sides publish in batches: the producer makes what it offered visible with
 * {@link #publish()}, the consumer frees what it took with {@link #release()}, so the one
 * volatile write on each side is paid per batch, not per record. A full ring is backpressure:
 * {@link #offer} returns {@code false} and nothing is dropped.
 *
 * <pre>
 *   consumer                              producer
 *   head ─► [ r r r r r . . . . . . ] ◄── tail (published)  ◄── producerTail (offered)
 * </pre>
 *
 * <p>Producer fields are touched only by the producing subtask's thread, consumer fields only by
 * the consuming one's.
 *
 * <h3>Priority barriers</h3>
 * An unaligned checkpoint's barrier does not queue behind the records: the producer posts it
 * beside the ring with the position it holds in the stream ({@link #postPriority}), and the
 * consumer, which checks for one after each look at the tail, stores the records before that
 * position as the checkpoint's records in flight. The producer posts before it publishes anything
 * beyond the position, so a consumer that sees such records also sees the barrier.
 */
public final class SpscChannel {
  private static final VarHandle HEAD;
  private static final VarHandle TAIL;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HEAD = lookup.findVarHandle(SpscChannel.class, "head", long.class);
      TAIL = lookup.findVarHandle(SpscChannel.class, "tail", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Object[] buffer;
  // the event timestamp of each record, beside it: no envelope object per record
  private final long[] timestamps;
  private final int mask;
  private final int capacity;

  // producer side
  private long producerTail;
  private long producerHeadCache;
  private long padP1, padP2, padP3, padP4, padP5, padP6;

  // shared: written by one side with release semantics, read by the other with acquire
  @SuppressWarnings("unused") private volatile long tail;
  private long padT1, padT2, padT3, padT4, padT5, padT6, padT7;
  @SuppressWarnings("unused") private volatile long head;
  private long padH1, padH2, padH3, padH4, padH5, padH6, padH7;

  // consumer side
  private long consumerHead;
  private long consumerTailCache;
  private long takenTimestamp;
  private long priorityTaken;

  // priority barriers: posted by the producer, taken by the consumer
  private final Queue<PriorityBarrier> priority = new ConcurrentLinkedQueue<>();
  @SuppressWarnings("unused") private volatile long priorityPosted;

  private final TypeInfo<?> elementType;

  /** A barrier posted ahead of the records: it belongs at {@code position} in the stream. */
  public record PriorityBarrier(CheckpointBarrier barrier, long position) {}

  public SpscChannel(int capacity) {
    this(capacity, TypeInfo.unknown());
  }

  /** A channel whose records are of {@code elementType} (used to store records in flight). */
  public SpscChannel(int capacity, TypeInfo<?> elementType) {
    this.elementType = elementType;
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("Bug in exchange setup: capacity must be a power of two, but was " + capacity);
    }
    this.buffer = new Object[capacity];
    this.timestamps = new long[capacity];
    this.mask = capacity - 1;
    this.capacity = capacity;
  }

  /** Producer: appends {@code element} unless the ring is full; not visible before {@link #publish()}. */
  public boolean offer(Object element) {
    return offer(element, Long.MIN_VALUE);
  }

  /** Producer: like {@link #offer(Object)}, with the record's event timestamp. */
  public boolean offer(Object element, long timestamp) {
    long t = producerTail;
    if (t - producerHeadCache >= capacity) {
      producerHeadCache = (long) HEAD.getAcquire(this);
      if (t - producerHeadCache >= capacity) {
        return false;
      }
    }
    int index = (int) t & mask;
    buffer[index] = element;
    timestamps[index] = timestamp;
    producerTail = t + 1;
    return true;
  }

  /** Producer: makes everything offered so far visible to the consumer. */
  public void publish() {
    TAIL.setRelease(this, producerTail);
  }

  /** Consumer: how many elements can be taken now. */
  public int available() {
    long h = consumerHead;
    if (h == consumerTailCache) {
      consumerTailCache = (long) TAIL.getAcquire(this);
    }
    return (int) (consumerTailCache - h);
  }

  /** Consumer: takes the next element; only call when {@link #available()} said there is one. */
  public Object take() {
    long h = consumerHead;
    int index = (int) h & mask;
    Object element = buffer[index];
    buffer[index] = null;
    takenTimestamp = timestamps[index];
    consumerHead = h + 1;
    return element;
  }

  /** Consumer: the timestamp of the element {@link #take()} returned last. */
  public long takenTimestamp() {
    return takenTimestamp;
  }

  /** Consumer: frees the slots of everything taken so far for the producer. */
  public void release() {
    HEAD.setRelease(this, consumerHead);
  }

  /** Consumer: how many elements were taken so far (the stream position of the next one). */
  public long consumed() {
    return consumerHead;
  }

  /**
   * Consumer: the element at stream position {@code position}, not taken; only for positions
   * from {@link #consumed()} up to what {@link #available()} last said.
   */
  public Object peek(long position) {
    return buffer[(int) position & mask];
  }

  /** Consumer: the timestamp of the element at {@code position}; see {@link #peek}. */
  public long peekTimestamp(long position) {
    return timestamps[(int) position & mask];
  }

  /**
   * Producer: publishes what was offered and posts {@code barrier} at that position, ahead of
   * the records in the ring; see the class description.
   */
  public void postPriority(CheckpointBarrier barrier) {
    publish();
    priority.add(new PriorityBarrier(barrier, producerTail));
    priorityPosted = priorityPosted + 1; // only the producer writes it
  }

  /** Consumer: whether a priority barrier waits; one volatile read. */
  public boolean hasPriority() {
    return priorityPosted != priorityTaken;
  }

  /** Consumer: the next priority barrier, or {@code null}. */
  @Nullable
  public PriorityBarrier pollPriority() {
    PriorityBarrier b = priority.poll();
    if (b != null) {
      priorityTaken++;
    }
    return b;
  }

  /** The type of the records in this channel ({@link TypeInfo#unknown()} when not known). */
  public TypeInfo<?> elementType() {
    return elementType;
  }

  /** Elements the producer has published so far; safe to read from any thread. */
  public long published() {
    return (long) TAIL.getAcquire(this);
  }

  /** Elements the consumer has taken and released so far; safe to read from any thread. */
  public long released() {
    return (long) HEAD.getAcquire(this);
  }

  /** Records offered but not yet taken (approximate from any thread but the two owners). */
  public long size() {
    return (long) TAIL.getAcquire(this) - (long) HEAD.getAcquire(this);
  }

  public int capacity() {
    return capacity;
  }
}
