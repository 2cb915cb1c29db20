package weir.runtime.task;

import weir.runtime.source.SplitGateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import weir.api.connector.SimpleVersionedSerializer;
import weir.runtime.checkpoint.ChannelState;
import weir.runtime.checkpoint.CheckpointCoordinator;
import weir.runtime.checkpoint.OperatorSnapshot;
import weir.runtime.checkpoint.TaskRestore;
import weir.runtime.checkpoint.TaskSnapshot;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.exchange.InFlightRecords;
import weir.runtime.exchange.SpscChannel;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.RecordWriter;
import weir.runtime.graph.UserCode;
import weir.runtime.graph.StreamNode;
import weir.runtime.operators.OperatorFailure;
import weir.runtime.operators.Specialization;
import weir.runtime.operators.StreamOperator;
import weir.runtime.source.SourceCoordinator;
import weir.runtime.time.ProcessingTimers;
import weir.api.eventtime.WatermarkStrategy;

/**
 * One subtask: an operator chain fed by a source reader or by input channels, writing into the
 * exchanges that leave the chain.
 *
 * <h3>Phases</h3>
 * RUNNING while input lasts; then every operator gets {@code endInput} (head first), end of
 * partition goes to every consumer, and the task is DONE once its overflow has drained. With
 * checkpoints on, a task whose input ended is FINISHING until a checkpoint it took part in
 * after the end is complete, so that sinks commit what they wrote last.
 *
 * <h3>Checkpoints</h3>
 * A source task snapshots when its reader's mailbox holds the checkpoint's mark, other tasks
 * when their input has aligned the barriers; both then send the barrier on and acknowledge with
 * the snapshot: the source's splits, every operator's keyed state, timers and operator state.
 * Coordinator calls arrive as mails, taken between two batches, also while backpressured.
 * An unaligned checkpoint's snapshot is taken at the first barrier; the barrier is posted ahead
 * of the output, records still waiting for room in the output are stored with the snapshot, and
 * the acknowledgement waits until the input has settled the records in flight of every channel.
 *
 * <h3>Backpressure</h3>
 * Before taking input the task moves records left over from the previous call into the output
 * rings; while any remain it takes no input and reports no progress.
 *
 * <p>Owned by the thread of the worker running it.
 */
public final class StreamTask implements Tasklet, BarrierAligned {
  /** Records taken from the input per call, bounding both latency for other tasklets and overflow. */
  private static final int BUDGET = 4096;
  // inputs are specialized per task like operators, so the call into the head stays monomorphic
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private enum Phase { CREATED, RUNNING, FINISHING, ENDING, DONE }

  /** The name of a source's splits among its operator state. */
  private static final String SPLITS = "weir.source-splits";

  private final TaskDeployment deployment;
  private final String name;
  private final RecordWriter[] writers;
  @Nullable private OperatorChain chain;
  @Nullable private TaskInput input;
  // the chain and input once both exist, for monitoring on another thread
  @Nullable private volatile Counted counted;
  /** Event time at a source head with a watermark strategy; null otherwise. */
  @Nullable private SplitWatermarks<?> sourceWatermarks;
  private Phase phase = Phase.CREATED;
  @Nullable private final TaskCheckpoints checkpoints;
  // the first checkpoint taken after the input ended: once complete, the task is done
  private long finalCheckpoint = -1;
  // the latest checkpoint this task snapshotted: a trigger mail may come after the barriers of the
  // same checkpoint (on a cluster mails and records travel apart) and must not snapshot it again
  private long lastSnapshotted = -1;
  // time spent in call(): written by this task's thread only, read by monitoring
  private volatile long busyNanos;
  // a restored source that had read all its input: it ends at once
  private boolean restoredEnded;
  // stop-with-savepoint with drain: the input ends for the savepoint, which must not restore it ended
  private boolean draining;
  // an unaligned snapshot waiting for its records in flight; null when none
  @Nullable private UnalignedSnapshot unalignedSnapshot;

  /** What monitoring reads the operators' counts from. */
  private record Counted(OperatorChain chain, TaskInput input) {}

  /** An unaligned snapshot taken, with the output records that waited for room, serialized. */
  private record UnalignedSnapshot(long id, List<OperatorSnapshot.Pending> operators, List<byte[]> outputs,
      long alignmentNanos, long syncNanos) {}

  public StreamTask(TaskDeployment deployment) {
    this.deployment = deployment;
    this.name = deployment.vertex().name() + " (" + (deployment.subtaskIndex() + 1) + "/"
        + deployment.vertex().parallelism() + ")";
    this.writers = deployment.writers().values().toArray(new RecordWriter[0]);
    this.checkpoints = deployment.checkpoints() == null ? null
        : new TaskCheckpoints(deployment.vertex().id(), deployment.subtaskIndex());
  }

  /**
   * What monitoring sees of a subtask, read from any thread: the elements (records and in-band
   * events) taken from its input channels and published to its output channels, whether an output
   * channel is full now, its input watermark (which may lag), the time it spent working, and the
   * records in and out of each of its operators, head first (empty before the task is initialized).
   */
  public record Stats(long elementsIn, long elementsOut, boolean backpressured, long watermark, long busyNanos,
      List<OperatorCounts> operators) {}

  /**
   * The records one operator of a subtask took and emitted, counted where they pass: at the chained
   * call into it or the input feeding the head, and at one edge of each of its outputs (main and
   * side). Records, not in-band events; a sink emits none, a source head takes none.
   *
   * @param nodeId the operator's node in the job graph
   */
  public record OperatorCounts(int nodeId, String name, long recordsIn, long recordsOut) {}

  /** This subtask's {@link Stats}; safe to call from any thread. */
  public Stats stats() {
    long in = 0;
    for (SpscChannel c : deployment.inputChannels()) {
      in += c.released();
    }
    long out = 0;
    boolean backpressured = false;
    for (RecordWriter w : deployment.writers().values()) {
      out += w.published();
      backpressured |= w.hasFullChannel();
    }
    Counted c = counted;
    return new Stats(in, out, backpressured, c == null ? Long.MIN_VALUE : c.input().watermark(), busyNanos,
        c == null ? List.of() : c.chain().counts(c.input().recordsIn()));
  }

  /** The vertex and subtask this task runs. */
  public TaskDeployment deployment() {
    return deployment;
  }

  /** How the checkpoint coordinator reaches this task, or {@code null} when checkpointing is off. */
  @Nullable
  public CheckpointCoordinator.Participant checkpointParticipant() {
    return checkpoints;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isBlocking() {
    return deployment.vertex().blocking();
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void init() throws Exception {
    // a vertex with one subtask runs the job graph's own instances; otherwise each deserializes copies
    Map<Integer, UserCode> userCode = deployment.serializedUserCode() == null
        ? UserCode.of(deployment.vertex())
        : UserCode.deserialize(deployment.serializedUserCode());
    chain = new OperatorChain(deployment, userCode);
    List<StreamOperator> operators = chain.operators();
    for (int i = operators.size() - 1; i >= 0; i--) {
      StreamOperator op = operators.get(i);
      try {
        op.open();
      } catch (Exception e) {
        throw OperatorFailure.of(op.name(), e);
      }
    }
    StreamNode head = deployment.vertex().head();
    if (head.kind() == StreamNode.Kind.SOURCE) {
      SplitGateway coordinator = deployment.sourceCoordinator();
      UserCode code = userCode.get(head.id());
      SourceReader reader = createReader(code.source(), coordinator);
      WatermarkStrategy strategy = code.watermarkStrategy();
      SplitWatermarks watermarks = null;
      if (strategy != null) {
        watermarks = sourceWatermarks = new SplitWatermarks(strategy, chain.sourceOutput(), chain.timestamp(), deployment.clock(),
            deployment.autoWatermarkInterval());
        chain.processingTimers().register(watermarks);
      }
      input = Specialization.instantiate(LOOKUP, deployment.specializedClasses(), "input", SourceInput.class,
          head.name(), reader, coordinator,
          deployment.subtaskIndex(), chain.sourceOutput(), chain.timestamp(), watermarks);
      TaskRestore restore = deployment.restore();
      if (restore != null) {
        TaskRestore.Operator state = restore.operator(head.stateUid());
        if (state != null && state.lists().containsKey(SPLITS)) {
          input.restoreSplits(state.lists().get(SPLITS), (SimpleVersionedSerializer) code.source().getSplitSerializer());
        }
        restoredEnded = restore.ended();
      }
      reader.start();
    } else {
      input = Specialization.instantiate(LOOKUP, deployment.specializedClasses(), "input", NetworkInput.class,
          deployment.inputChannels(),
          deployment.inputIndexOfChannel(), chain.head(), chain.timestamp(), (BarrierAligned) this);
    }
    TaskRestore restore = deployment.restore();
    if (restore != null && restore.channels() != null) {
      restoreInFlight(restore.channels());
    }
    counted = new Counted(chain, input);
    phase = Phase.RUNNING;
    if (checkpoints != null) {
      deployment.checkpoints().taskInitialized(checkpoints);
    }
  }

  private SourceReader<?, ?> createReader(Source<?, ?, ?> source, SplitGateway coordinator) throws Exception {
    int subtask = deployment.subtaskIndex();
    int parallelism = deployment.vertex().parallelism();
    return source.createReader(new SourceReaderContext() {
      @Override
      public int getSubtaskIndex() {
        return subtask;
      }

      @Override
      public int getParallelism() {
        return parallelism;
      }

      @Override
      public void sendSplitRequest() {
        coordinator.requestSplit(subtask);
      }
    });
  }

  @Override
  public ProgressState call() throws Exception {
    long start = System.nanoTime();
    try {
      return work();
    } finally {
      busyNanos += System.nanoTime() - start; // one volatile write per batch, for monitoring
    }
  }

  private ProgressState work() throws Exception {
    if (checkpoints != null) {
      // before the overflow: a backpressured task takes its checkpoints too
      processMail();
      if (phase == Phase.RUNNING) {
        input.pollCheckpointEvents();
        input.drainMailbox(this);
      }
    }
    if (!drainOverflow()) {
      return ProgressState.NO_PROGRESS;
    }
    switch (phase) {
      case RUNNING -> {
        if (restoredEnded) {
          endInput();
          return ProgressState.MADE_PROGRESS;
        }
        ProcessingTimers timers = chain.processingTimers();
        // one clock read per call; timers fire between batches, on this thread, once the clock
        // has passed their time
        long now = deployment.clock().currentProcessingTime();
        if (now > timers.nextProcessingTime()) {
          fireProcessingTimers(timers, now);
        }
        ProgressState state = input.process(BUDGET, this);
        publish();
        if (state == ProgressState.DONE) {
          endInput();
          return ProgressState.MADE_PROGRESS;
        }
        return state;
      }
      case FINISHING -> {
        if (deployment.vertex().head().kind() == StreamNode.Kind.SOURCE) {
          input.drainMailbox(this); // marks of checkpoints still come this way
        }
        return phase == Phase.DONE ? ProgressState.DONE : ProgressState.NO_PROGRESS;
      }
      case ENDING -> {
        phase = Phase.DONE;
        return ProgressState.DONE;
      }
      default -> {
        return ProgressState.DONE;
      }
    }
  }

  private void fireProcessingTimers(ProcessingTimers timers, long now) {
    try {
      timers.advanceClock(now);
    } catch (Exception e) {
      throw OperatorFailure.of(name, e);
    }
  }

  private void endInput() throws Exception {
    if (deployment.vertex().head().kind() == StreamNode.Kind.SOURCE) {
      // a bounded source has brought all its records: event time ends, firing every timer left
      if (sourceWatermarks != null) {
        sourceWatermarks.endInput();
      } else {
        chain.sourceOutput().emitWatermark(Long.MAX_VALUE);
      }
    }
    for (StreamOperator op : chain.operators()) {
      try {
        op.endInput();
      } catch (Exception e) {
        throw OperatorFailure.of(op.name(), e);
      }
    }
    for (RecordWriter writer : writers) {
      writer.broadcast(ControlEvent.END_OF_PARTITION);
    }
    publish();
    if (checkpoints != null) {
      phase = Phase.FINISHING;
      deployment.checkpoints().inputEnded(checkpoints);
    } else {
      phase = Phase.ENDING;
    }
  }

  private void processMail() throws Exception {
    for (TaskCheckpoints.Mail m = checkpoints.poll(); m != null; m = checkpoints.poll()) {
      switch (m.kind()) {
        case TRIGGER -> {
          if (deployment.vertex().head().kind() == StreamNode.Kind.SOURCE) {
            continue; // sources take it at the mark in their reader's mailbox
          }
          if (phase == Phase.RUNNING) {
            input.startCheckpoint(m.barrier());
          } else if (phase == Phase.FINISHING) {
            onAligned(m.id(), m.barrier().timestamp(), 0);
          }
        }
        case COMPLETE -> {
          for (StreamOperator op : chain.operators()) {
            try {
              op.notifyCheckpointComplete(m.id());
            } catch (Exception e) {
              throw OperatorFailure.of(op.name(), e);
            }
          }
          input.notifyCheckpointComplete(m.id());
          if (phase == Phase.FINISHING && finalCheckpoint >= 0 && m.id() >= finalCheckpoint) {
            phase = Phase.DONE;
          }
        }
        case DRAIN -> {
          draining = true;
          if (phase == Phase.RUNNING && deployment.vertex().head().kind() == StreamNode.Kind.SOURCE) {
            endInput();
          }
        }
        case ABORT -> {
          if (m.id() == finalCheckpoint) {
            finalCheckpoint = -1;
          }
          for (StreamOperator op : chain.operators()) {
            try {
              op.notifyCheckpointAborted(m.id());
            } catch (Exception e) {
              throw OperatorFailure.of(op.name(), e);
            }
          }
        }
      }
    }
  }

  /**
   * Takes this task's part of checkpoint {@code id}: snapshots, sends the barrier on (while the
   * outputs are open) and acknowledges. Called when the input has aligned the barriers or, for a
   * source, at the checkpoint's mark.
   */
  @Override
  public void onAligned(long id, long timestamp, long alignmentNanos) throws Exception {
    if (checkpoints == null || phase == Phase.DONE || phase == Phase.ENDING || id <= lastSnapshotted) {
      return;
    }
    lastSnapshotted = id;
    long start = System.nanoTime();
    List<OperatorSnapshot.Pending> operators = snapshotOperators(id, timestamp);
    boolean ended = phase != Phase.RUNNING;
    if (!ended) {
      CheckpointBarrier barrier = new CheckpointBarrier(id, timestamp);
      for (RecordWriter writer : writers) {
        writer.broadcast(barrier);
      }
      publish();
    } else if (finalCheckpoint < 0) {
      finalCheckpoint = id;
    }
    // a drained subtask resumes from the savepoint: its input has not really ended
    deployment.checkpoints().acknowledge(checkpoints, id,
        new TaskSnapshot.Pending(ended && !draining, operators, ChannelState.none("")), alignmentNanos,
        System.nanoTime() - start);
  }

  /** A source reached the mark of the checkpoint of {@code barrier} in its reader's mailbox. */
  void onSourceMark(CheckpointBarrier barrier) throws Exception {
    if (barrier.alignmentTimeoutNanos() == 0 && phase == Phase.RUNNING) {
      onUnalignedSnapshot(barrier, 0);
      onInFlightComplete(barrier.id(), new InFlightRecords[0]);
    } else {
      onAligned(barrier.id(), barrier.timestamp(), 0);
    }
  }

  @Override
  public void onUnalignedSnapshot(CheckpointBarrier barrier, long alignmentNanos) throws Exception {
    lastSnapshotted = Math.max(lastSnapshotted, barrier.id());
    long start = System.nanoTime();
    List<OperatorSnapshot.Pending> operators = snapshotOperators(barrier.id(), barrier.timestamp());
    List<byte[]> outputs = new ArrayList<>();
    for (RecordWriter writer : writers) {
      TypeSerializer<Object> serializer = serializerOf(writer.elementType());
      for (InFlightRecords waiting : writer.postPriorityBarrier(barrier)) {
        outputs.add(waiting.toBytes(serializer));
      }
    }
    unalignedSnapshot = new UnalignedSnapshot(barrier.id(), operators, outputs, alignmentNanos,
        System.nanoTime() - start);
  }

  @Override
  public void onInFlightComplete(long id, InFlightRecords[] inputs) throws Exception {
    UnalignedSnapshot snapshot = unalignedSnapshot;
    if (snapshot == null || snapshot.id() != id) {
      throw new IllegalStateException("Bug in unaligned checkpoint " + id + " of " + name + ": no snapshot was taken");
    }
    unalignedSnapshot = null;
    long start = System.nanoTime();
    List<byte[]> inputBytes = new ArrayList<>(inputs.length);
    SpscChannel[] channels = deployment.inputChannels();
    for (int c = 0; c < inputs.length; c++) {
      InFlightRecords records = inputs[c] == null ? new InFlightRecords() : inputs[c];
      inputBytes.add(records.toBytes(serializerOf(channels[c].elementType())));
    }
    ChannelState state = new ChannelState(deployment.vertex().head().stateUid(), inputBytes, snapshot.outputs());
    deployment.checkpoints().acknowledge(checkpoints, id, new TaskSnapshot.Pending(false, snapshot.operators(), state),
        snapshot.alignmentNanos(), snapshot.syncNanos() + System.nanoTime() - start);
  }

  /** Hands the records in flight of an unaligned checkpoint back to the input and the writers. */
  private void restoreInFlight(ChannelState state) throws Exception {
    SpscChannel[] channels = deployment.inputChannels();
    if (state.inputs().size() > 0) {
      InFlightRecords[] inputs = new InFlightRecords[state.inputs().size()];
      for (int c = 0; c < inputs.length; c++) {
        inputs[c] = InFlightRecords.fromBytes(state.inputs().get(c), serializerOf(channels[c].elementType()));
      }
      input.restoreInFlight(inputs);
    }
    int next = 0;
    for (RecordWriter writer : writers) {
      TypeSerializer<Object> serializer = serializerOf(writer.elementType());
      for (int c = 0; c < writer.channelCount() && next < state.outputs().size(); c++) {
        writer.restoreWaiting(c, InFlightRecords.fromBytes(state.outputs().get(next++), serializer));
      }
    }
    if (next != state.outputs().size()) {
      throw new IllegalStateException("The checkpoint holds records in flight for " + state.outputs().size()
          + " output channels of " + name + ", which now has " + next + "; restore it into the same job at the same "
          + "parallelism");
    }
  }

  @SuppressWarnings("unchecked")
  private TypeSerializer<Object> serializerOf(TypeInfo<?> type) {
    return (TypeSerializer<Object>) type.createSerializer(deployment.serializerConfig());
  }

  /**
   * The synchronous part of every stateful operator's snapshot for checkpoint {@code id}
   * triggered at {@code timestamp}, the source's splits included.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<OperatorSnapshot.Pending> snapshotOperators(long id, long timestamp) throws Exception {
    List<OperatorSnapshot.Pending> operators = new ArrayList<>();
    for (StreamNode node : deployment.vertex().operators()) {
      StreamOperator op = chain.operatorOf(node.id());
      if (op == null) {
        operators.add(OperatorSnapshot.Pending.of(new OperatorSnapshot(node.stateUid(), Map.of(), Map.of(SPLITS,
            input.snapshotSplits(id, (SimpleVersionedSerializer) node.source().getSplitSerializer())), List.of())));
        continue;
      }
      try {
        OperatorSnapshot.Pending snapshot = OperatorSnapshot.take(node.stateUid(), op, chain.operatorStateOf(node.id()),
            chain.backendOf(node.id()), id, timestamp);
        if (snapshot != null) {
          operators.add(snapshot);
        }
      } catch (Exception e) {
        throw OperatorFailure.of(op.name(), new IllegalStateException("Snapshot for checkpoint " + id + " failed: "
            + e.getMessage(), e));
      }
    }
    return operators;
  }

  /** Whether some output could not take everything emitted. */
  boolean isBackpressured() {
    for (RecordWriter writer : writers) {
      if (writer.isBackpressured()) {
        return true;
      }
    }
    return false;
  }

  private boolean drainOverflow() {
    boolean drained = true;
    for (RecordWriter writer : writers) {
      drained &= writer.drainOverflow();
    }
    return drained;
  }

  private void publish() {
    for (RecordWriter writer : writers) {
      writer.publish();
    }
  }

  @Override
  public void close() throws Exception {
    Exception failure = null;
    if (chain != null) {
      for (StreamOperator op : chain.operators()) {
        try {
          op.close();
        } catch (Exception e) {
          failure = addSuppressed(failure, OperatorFailure.of(op.name(), e));
        }
      }
    }
    if (input != null) {
      try {
        input.close();
      } catch (Exception e) {
        failure = addSuppressed(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static Exception addSuppressed(@Nullable Exception first, Exception next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  @Override
  public String toString() {
    return name;
  }
}
