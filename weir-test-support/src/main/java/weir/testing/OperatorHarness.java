package weir.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.datastream.OutputTag;
import weir.runtime.checkpoint.OperatorSnapshot;
import weir.runtime.operators.StreamOperator;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.KeyGroupRange;
import weir.runtime.state.KeyGroups;
import weir.runtime.state.StateTable;
import weir.runtime.state.VoidNamespace;
import weir.runtime.task.SimpleCounter;

/**
 * Drives one real runtime operator, step by step, as one subtask of a job would: what the
 * operator emits is kept for the test to read, processing time is set by hand, and keyed state
 * lives in a real heap state backend that the test can look into.
 *
 * <h3>Lifecycle</h3>
 * The factories of {@link FunctionTestHarness} return a harness whose operator is already open
 * (checkpointed functions received {@code initializeState}, then rich functions {@code
 * open(RuntimeContext)}). Feed records, then call {@link
 * #endInput()} for a bounded input and {@link #close()} at the end; closing twice is harmless.
 *
 * <h3>Checkpoints</h3>
 * {@link #snapshot(long)} takes the operator's state as a checkpoint would; a harness built with
 * {@link SubtaskSettings#restoredFrom} starts from such snapshots, also at another parallelism.
 * {@link #snapshot()} takes only the keyed state and timers of a keyed operator; {@code restore}
 * on {@link OneInputHarness} and {@link TwoInputHarness} starts a fresh instance of the operator
 * from those, as a job restarting from a checkpoint does, for the same subtask or for one of
 * another parallelism. A restored operator works with copies of the user functions made by
 * serialization.
 *
 * <h3>Threading</h3>
 * Like a subtask, a harness belongs to one thread, the test's.
 *
 * <h3>Failures</h3>
 * Exceptions the function throws reach the caller unchanged.
 *
 * @param <O> the type of the operator's main output
 * @since 0.1
 */
public abstract class OperatorHarness<O> implements AutoCloseable {
  // the operator's id in its snapshots: a harness plays one operator
  private static final String SNAPSHOT_UID = "harness";

  private final StreamOperator operator;
  private final SubtaskFixture<O> fixture;
  private boolean closed;

  OperatorHarness(StreamOperator operator, SubtaskFixture<O> fixture) {
    this.operator = operator;
    this.fixture = fixture;
  }

  /** Opens the operator; called once by the factories. */
  final void open() throws Exception {
    operator.open();
  }

  /** Which subtask this harness plays. */
  public SubtaskSettings settings() {
    return fixture.settings;
  }

  /** Everything emitted to the main output since the start or the last {@link #takeOutput()}. */
  public List<O> output() {
    return fixture.output.main();
  }

  /** Like {@link #output()}, and forgets it: the next call only sees what is emitted later. */
  public List<O> takeOutput() {
    return fixture.output.takeMain();
  }

  /** Everything emitted to the side output {@code tag} so far; empty if nothing was. */
  public <X> List<X> sideOutput(OutputTag<X> tag) {
    return fixture.output.side(tag);
  }

  /**
   * Sets the processing time that {@code Context.currentProcessingTime()} returns (it starts at
   * 0) and fires every processing-time timer due by then, as the subtask's thread would.
   */
  public void setProcessingTime(long time) throws Exception {
    checkOpen();
    fixture.clock.set(time);
    fixture.processingTimers.advance(time);
  }

  /**
   * Hands the operator a watermark, as if every input of the subtask had reached it: event-time
   * timers due by then fire, and the operator passes the watermark on (see {@link #watermarks()}).
   */
  public void processWatermark(long watermark) throws Exception {
    checkOpen();
    operator.processWatermark(watermark);
  }

  /** Tells the operator that all its inputs became idle ({@code true}) or active again. */
  public void processWatermarkStatus(boolean idle) throws Exception {
    checkOpen();
    operator.processWatermarkStatus(idle);
  }

  /** The watermarks the operator emitted, in order. */
  public List<Long> watermarks() {
    return fixture.output.watermarks();
  }

  /** The idleness changes the operator emitted, in order ({@code true}: became idle). */
  public List<Boolean> watermarkStatuses() {
    return fixture.output.idleness();
  }

  /**
   * The main output since the start or the last {@link #takeOutput()}, each record with the
   * timestamp it was emitted with.
   */
  public List<TimestampedRecord<O>> outputWithTimestamps() {
    return fixture.output.stamped();
  }

  /** Sets the timestamp of the records fed next; {@code processElement(record, ts)} does it per record. */
  final void setTimestamp(long timestamp) {
    fixture.timestamp.set(timestamp);
  }

  /** The processing time the operator sees. */
  public long currentProcessingTime() {
    return fixture.clock.currentProcessingTime();
  }

  /** Signals that the input has ended, as for a bounded job: the operator emits what it buffers. */
  public void endInput() throws Exception {
    checkOpen();
    operator.endInput();
  }

  /**
   * Snapshots the operator's keyed state and timers, key group by key group, as a checkpoint of
   * the subtask would; the operator goes on unchanged.
   *
   * @throws IllegalStateException if the operator is not keyed
   */
  public SubtaskSnapshot snapshot() throws Exception {
    checkOpen();
    return new SubtaskSnapshot(backend().snapshot());
  }

  /**
   * What a fresh operator of this harness's kind gets to play subtask {@code settings}, starting
   * from the key groups of {@code snapshots} that it owns.
   */
  final SubtaskFixture<O> restoredFixture(SubtaskSettings settings, SubtaskSnapshot... snapshots) {
    backend();
    if (settings.maxParallelism() != fixture.settings.maxParallelism()) {
      throw new IllegalArgumentException("Operator '" + fixture.operatorName + "' has max parallelism "
          + fixture.settings.maxParallelism() + ", so its snapshots cannot be restored with max parallelism "
          + settings.maxParallelism() + ": key groups do not change; keep the max parallelism");
    }
    Map<Integer, byte[]> keyGroups = new HashMap<>();
    for (SubtaskSnapshot snapshot : snapshots) {
      for (Map.Entry<Integer, byte[]> e : snapshot.bytes().entrySet()) {
        if (keyGroups.put(e.getKey(), e.getValue()) != null) {
          throw new IllegalArgumentException("Key group " + e.getKey() + " is in two of the snapshots given to restore"
              + " operator '" + fixture.operatorName + "'; pass one snapshot per subtask of one checkpoint");
        }
      }
    }
    return new SubtaskFixture<>(fixture.operatorName, settings, true, keyGroups);
  }

  /**
   * Takes the operator's part of checkpoint {@code checkpointId}, as the subtask would when the
   * checkpoint's barrier arrives: a {@code CheckpointedFunction} gets {@code snapshotState}
   * (with the harness's processing time as the checkpoint's timestamp), then keyed state,
   * timers and operator state are written. Start another harness from it with {@link
   * SubtaskSettings#restoredFrom}; this harness goes on as before.
   */
  public HarnessSnapshot snapshot(long checkpointId) throws Exception {
    checkOpen();
    OperatorSnapshot.Pending taken = OperatorSnapshot.take(SNAPSHOT_UID, operator, fixture.operatorState,
        fixture.keyedState, checkpointId, fixture.clock.currentProcessingTime());
    return new HarnessSnapshot(fixture.settings.fresh(), checkpointId,
        taken != null ? taken.finish() : new OperatorSnapshot(SNAPSHOT_UID, Map.of(), Map.of(), List.of()));
  }

  /** Closes the operator and its function, once; later calls do nothing. */
  @Override
  public void close() throws Exception {
    if (!closed) {
      closed = true;
      operator.close();
    }
  }

  /** The count of the function's counter {@code name}; 0 if it was never used. */
  public long counter(String name) {
    SimpleCounter counter = fixture.counters.get(name);
    return counter == null ? 0 : counter.getCount();
  }

  /**
   * What the keyed state {@code stateName} stores for {@code key}, or {@code null} if nothing: the
   * value of a ValueState or ReducingState, the list of a ListState, the map of a MapState, the
   * accumulator of an AggregatingState. For state with time-to-live these are the values without
   * their last-access times, expired ones included until they are removed.
   *
   * @throws IllegalStateException if the operator is not keyed or registered no state of that name
   * @throws IllegalArgumentException if another subtask owns the key
   */
  @Nullable
  @SuppressWarnings("unchecked")
  public <V> V keyedState(String stateName, Object key) {
    HeapKeyedStateBackend backend = backend();
    int keyGroup = KeyGroups.keyGroupOf(key, fixture.settings.maxParallelism());
    KeyGroupRange range = backend.keyGroupRange();
    if (!range.contains(keyGroup)) {
      throw new IllegalArgumentException("Key '" + key + "' is in key group " + keyGroup + ", which "
          + fixture.settings + " does not own (it owns " + range.start() + ".." + range.end() + ")");
    }
    StateTable<Object, Object> table = (StateTable<Object, Object>) table(stateName);
    return (V) table.userValue(keyGroup - range.start(), key, VoidNamespace.INSTANCE);
  }

  /**
   * The number of keys that have a value in the keyed state {@code stateName}; for state with
   * time-to-live, expired values count until they are removed.
   */
  public long keyCount(String stateName) {
    return table(stateName).size();
  }

  private StateTable<?, ?> table(String stateName) {
    StateTable<?, ?> table = backend().table(stateName);
    if (table == null) {
      throw new IllegalStateException(
          "Operator '" + fixture.operatorName + "' has registered no keyed state named '" + stateName + "'");
    }
    return table;
  }

  private HeapKeyedStateBackend backend() {
    if (fixture.keyedState == null) {
      throw new IllegalStateException("Operator '" + fixture.operatorName
          + "' is not keyed; build the harness with forKeyedProcess, forKeyedCoProcess or forWindow to inspect keyed state");
    }
    return fixture.keyedState;
  }

  /** Fails when a test feeds a closed operator, which the runtime never does. */
  final void checkOpen() {
    if (closed) {
      throw new IllegalStateException("The harness of operator '" + fixture.operatorName + "' is closed");
    }
  }
}
