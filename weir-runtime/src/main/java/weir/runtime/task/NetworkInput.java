package weir.runtime.task;

import java.util.Arrays;
import weir.runtime.exchange.CheckpointBarrier;

import javax.annotation.Nullable;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.InFlightRecords;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.exchange.WatermarkEvent;
import weir.runtime.time.RecordTimestamp;
import weir.runtime.time.StatusWatermarkValve;
import weir.runtime.operators.OneInputOperator;
import weir.runtime.operators.OperatorFailure;
import weir.runtime.operators.StreamOperator;
import weir.runtime.operators.TwoInputOperator;

/**
 * Reads the input channels of a subtask round robin, a batch per channel, and hands records to
 * the head operator with their timestamps. Watermarks and idleness of the channels go through a
 * {@link StatusWatermarkValve}; the head sees the combined watermark. Ends when every channel
 * has delivered its end of partition.
 *
 * <p>Checkpoint barriers are aligned: a channel that delivered barrier n is blocked (not read)
 * until every channel has delivered it or ended; then the task snapshots and forwards the
 * barrier, and all channels are read again. A checkpoint can also be started without a barrier
 * (the coordinator triggers tasks whose inputs may have ended), and completes the same way.
 *
 * <h3>Unaligned checkpoints</h3>
 * A barrier that may be unaligned makes the task snapshot at once (at the first barrier, or when
 * alignment has taken longer than the barrier's timeout, or when a producer posted a priority
 * barrier): no channel is blocked. From then on, each channel whose barrier has not come yet
 * records the elements taken from it, until the barrier shows where the producer's snapshot is:
 * an in-band barrier ends the recording; a priority barrier gives a position, before which the
 * recorded elements and those still in the ring are in flight and after which nothing is. When
 * every channel is settled, the records in flight go to the task for its acknowledgement. A
 * restored input replays the records in flight of each channel before reading the channels.
 *
 * <p>Owned by the subtask's thread.
 */
final class NetworkInput implements TaskInput {
  private final SpscChannel[] channels;
  private final int[] inputIndex;
  private final boolean[] ended;
  @Nullable private final OneInputOperator<Object> oneInput;
  @Nullable private final TwoInputOperator<Object, Object> twoInput;
  private final String headName;
  private final RecordTimestamp timestamp;
  private final StatusWatermarkValve valve;
  private final StatusWatermarkValve.ValveOutput toHead;
  private final boolean[] blocked;
  private final BarrierAligned aligned;
  private int openChannels;
  private int nextChannel;
  // whether the one-input head reads ahead for groups of records (OneInputOperator.prefetch)
  private final boolean readAhead;
  // records handed to the head; a plain field read by monitoring, which tolerates a lagging figure
  private long recordsIn;
  // the checkpoint being aligned, or -1; the newest one started so far; and when it was triggered
  private long pendingCheckpoint = -1;
  private long pendingTimestamp;
  private long lastCheckpoint = -1;
  private int blockedChannels;
  // the pending checkpoint's barrier (its options); null when none is pending
  @Nullable private CheckpointBarrier pendingBarrier;
  private long alignmentStart;
  // unaligned: the pending checkpoint's snapshot is taken; per channel whether its barrier
  // position is known, what was recorded in flight, and the position the recording started at
  private boolean unaligned;
  private final boolean[] settled;
  private final InFlightRecords[] inFlight;
  private final long[] recordingFrom;
  private int settledChannels;
  // restored records in flight, replayed first; null once replayed
  @Nullable private InFlightRecords[] replay;
  private int replayChannel;
  private int replayIndex;

  @SuppressWarnings("unchecked")
  public NetworkInput(SpscChannel[] channels, int[] inputIndex, StreamOperator head, RecordTimestamp timestamp,
      BarrierAligned aligned) {
    this.aligned = aligned;
    this.blocked = new boolean[channels.length];
    this.settled = new boolean[channels.length];
    this.inFlight = new InFlightRecords[channels.length];
    this.recordingFrom = new long[channels.length];
    this.timestamp = timestamp;
    this.valve = new StatusWatermarkValve(channels.length);
    this.toHead = new HeadWatermarks(head);
    this.channels = channels;
    this.inputIndex = inputIndex;
    this.ended = new boolean[channels.length];
    this.openChannels = channels.length;
    this.headName = head.name();
    this.oneInput = head instanceof OneInputOperator<?> one ? (OneInputOperator<Object>) one : null;
    this.twoInput = head instanceof TwoInputOperator<?, ?> two ? (TwoInputOperator<Object, Object>) two : null;
    this.readAhead = oneInput != null && oneInput.readsAhead();
  }

  @Override
  public long watermark() {
    return valve.currentWatermark();
  }

  @Override
  public long recordsIn() {
    return recordsIn;
  }

  @Override
  public ProgressState process(int budget, StreamTask task) {
    if (replay != null) {
      return replay(budget);
    }
    if (openChannels == 0) {
      return ProgressState.DONE;
    }
    boolean progress = false;
    try {
      for (int n = 0; n < channels.length && budget > 0; n++) {
        int c = nextChannel;
        nextChannel = c + 1 == channels.length ? 0 : c + 1;
        if (ended[c] || blocked[c]) {
          continue;
        }
        SpscChannel channel = channels[c];
        int take = Math.min(channel.available(), budget);
        // after the look at the tail: a priority barrier before records beyond it is seen here
        if (channel.hasPriority()) {
          takePriorityBarriers(c);
        }
        if (take == 0) {
          continue;
        }
        progress = true;
        budget -= take;
        if (unaligned && !settled[c]) {
          drainRecording(channel, c, take);
        } else if (twoInput == null) {
          drainOne(channel, c, take);
        } else {
          drainTwo(channel, c, take);
        }
        channel.release();
        if (task.isBackpressured()) {
          break;
        }
      }
    } catch (Exception e) {
      throw OperatorFailure.of(headName, e);
    }
    if (openChannels == 0) {
      return ProgressState.DONE;
    }
    return progress ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
  }

  private void drainOne(SpscChannel channel, int c, int take) throws Exception {
    OneInputOperator<Object> head = oneInput;
    for (int i = 0; i < take; i++) {
      if (readAhead && i % OneInputOperator.PREFETCH_GROUP == 0) {
        prefetch(head, channel, Math.min(OneInputOperator.PREFETCH_GROUP, take - i));
      }
      Object element = channel.take();
      if (element instanceof ControlEvent event) {
        onControl(c, event);
        if (blocked[c]) {
          return;
        }
      } else {
        recordsIn++;
        timestamp.set(channel.takenTimestamp());
        head.processElement(element);
      }
    }
  }

  /** Lets the head read ahead for the next {@code count} records of {@code channel} at once. */
  private static void prefetch(OneInputOperator<Object> head, SpscChannel channel, int count) throws Exception {
    long from = channel.consumed();
    int slot = 0;
    for (long p = from; p < from + count; p++) {
      Object ahead = channel.peek(p);
      if (!(ahead instanceof ControlEvent)) {
        head.prefetch(ahead, slot++);
      }
    }
  }

  private void drainTwo(SpscChannel channel, int c, int take) throws Exception {
    boolean first = inputIndex[c] == 0;
    for (int i = 0; i < take; i++) {
      Object element = channel.take();
      if (element instanceof ControlEvent event) {
        onControl(c, event);
        if (blocked[c]) {
          return;
        }
        continue;
      }
      recordsIn++;
      timestamp.set(channel.takenTimestamp());
      if (first) {
        twoInput.processElement1(element);
      } else {
        twoInput.processElement2(element);
      }
    }
  }

  /** Drains a channel whose barrier has not come in an unaligned checkpoint: what it takes is in flight. */
  private void drainRecording(SpscChannel channel, int c, int take) throws Exception {
    for (int i = 0; i < take; i++) {
      Object element = channel.take();
      long ts = channel.takenTimestamp();
      if (unaligned && !settled[c]) {
        inFlight[c].add(element, ts);
      }
      deliver(c, element, ts);
      if (blocked[c]) {
        return;
      }
    }
  }

  /** Hands one element of channel {@code c} to the head or to the control logic. */
  private void deliver(int c, Object element, long ts) throws Exception {
    if (element instanceof ControlEvent event) {
      onControl(c, event);
      return;
    }
    recordsIn++;
    timestamp.set(ts);
    if (twoInput == null) {
      oneInput.processElement(element);
    } else if (inputIndex[c] == 0) {
      twoInput.processElement1(element);
    } else {
      twoInput.processElement2(element);
    }
  }

  private ProgressState replay(int budget) {
    try {
      while (budget > 0 && replayChannel < replay.length) {
        InFlightRecords records = replay[replayChannel];
        if (records == null || replayIndex == records.size()) {
          replayChannel++;
          replayIndex = 0;
          continue;
        }
        deliver(replayChannel, records.element(replayIndex), records.timestamp(replayIndex));
        replayIndex++;
        budget--;
      }
    } catch (Exception e) {
      throw OperatorFailure.of(headName, e);
    }
    if (replayChannel == replay.length) {
      replay = null;
    }
    return ProgressState.MADE_PROGRESS;
  }

  @Override
  public void restoreInFlight(InFlightRecords[] inputs) {
    if (inputs.length != channels.length) {
      throw new IllegalStateException("The checkpoint holds records in flight for " + inputs.length
          + " input channels of '" + headName + "', which now has " + channels.length
          + "; restore it into the same job at the same parallelism");
    }
    replay = inputs;
  }

  private void onControl(int channel, ControlEvent event) throws Exception {
    if (event instanceof WatermarkEvent w) {
      valve.inputWatermark(channel, w.timestamp(), toHead);
    } else if (event == ControlEvent.IDLE || event == ControlEvent.ACTIVE) {
      valve.inputStatus(channel, event == ControlEvent.IDLE, toHead);
    } else if (event instanceof CheckpointBarrier barrier) {
      onBarrier(channel, barrier);
    } else if (event == ControlEvent.END_OF_PARTITION) {
      ended[channel] = true;
      openChannels--;
      if (unaligned) {
        settle(channel);
        completeIfSettled();
      } else {
        completeIfAligned();
      }
    } else {
      throw new IllegalStateException("Bug in exchange: unknown control event " + event);
    }
  }

  /** Starts a checkpoint without a barrier; it completes once every channel is aligned or ended. */
  @Override
  public void startCheckpoint(CheckpointBarrier barrier) throws Exception {
    long id = barrier.id();
    if (id > pendingCheckpoint && id > lastCheckpoint) {
      begin(id, barrier);
      completeIfAligned();
    }
  }

  @Override
  public void pollCheckpointEvents() throws Exception {
    if (replay != null) {
      return; // nothing is taken from the channels before the replay is over, so barriers can wait
    }
    for (int c = 0; c < channels.length; c++) {
      if (channels[c].hasPriority()) {
        takePriorityBarriers(c);
      }
    }
    if (blockedChannels > 0 && pendingBarrier != null && pendingBarrier.alignmentTimeoutNanos() > 0
        && System.nanoTime() - alignmentStart >= pendingBarrier.alignmentTimeoutNanos()) {
      goUnaligned();
      completeIfSettled();
    }
  }

  private void onBarrier(int channel, CheckpointBarrier barrier) throws Exception {
    long id = barrier.id();
    if (id <= lastCheckpoint || id < pendingCheckpoint) {
      return; // a checkpoint that completed here or was given up: nothing to align
    }
    if (id > pendingCheckpoint) {
      begin(id, barrier);
    }
    if (!unaligned && barrier.alignmentTimeoutNanos() == 0) {
      goUnaligned();
    }
    if (unaligned) {
      settle(channel); // the in-band barrier: what was recorded before it is in flight
      completeIfSettled();
      return;
    }
    blocked[channel] = true;
    blockedChannels++;
    completeIfAligned();
  }

  private void takePriorityBarriers(int c) throws Exception {
    for (SpscChannel.PriorityBarrier b = channels[c].pollPriority(); b != null; b = channels[c].pollPriority()) {
      long id = b.barrier().id();
      if (id <= lastCheckpoint || id < pendingCheckpoint) {
        continue;
      }
      if (id > pendingCheckpoint) {
        begin(id, b.barrier());
      }
      if (!unaligned) {
        goUnaligned();
      }
      if (!settled[c]) {
        settleAt(c, b.position());
        completeIfSettled();
      }
    }
  }

  /** Starts checkpoint {@code id}; an older checkpoint still aligning was aborted and is dropped. */
  private void begin(long id, CheckpointBarrier barrier) {
    unblockAll();
    if (unaligned) {
      Arrays.fill(inFlight, null);
      unaligned = false;
    }
    pendingCheckpoint = id;
    pendingBarrier = barrier;
    pendingTimestamp = barrier.timestamp();
    alignmentStart = System.nanoTime();
  }

  /** Takes the pending checkpoint unaligned: the snapshot now, the channels settle as their barriers come. */
  private void goUnaligned() throws Exception {
    unaligned = true;
    settledChannels = 0;
    for (int c = 0; c < channels.length; c++) {
      settled[c] = false;
      inFlight[c] = new InFlightRecords();
      recordingFrom[c] = channels[c].consumed();
      if (ended[c] || blocked[c]) {
        settle(c); // its barrier or end was taken: nothing of it is in flight
      }
    }
    unblockAll();
    aligned.onUnalignedSnapshot(pendingBarrier, System.nanoTime() - alignmentStart);
  }

  private void settle(int c) {
    if (!settled[c]) {
      settled[c] = true;
      settledChannels++;
    }
  }

  /** Channel {@code c}'s barrier belongs at stream position {@code position}: what is before it is in flight. */
  private void settleAt(int c, long position) {
    SpscChannel channel = channels[c];
    long consumed = channel.consumed();
    if (position <= consumed) {
      inFlight[c].truncate((int) (position - recordingFrom[c]));
    } else {
      for (long p = consumed; p < position; p++) {
        inFlight[c].add(channel.peek(p), channel.peekTimestamp(p));
      }
    }
    settle(c);
  }

  private void completeIfSettled() throws Exception {
    if (!unaligned || settledChannels < channels.length) {
      return;
    }
    long id = pendingCheckpoint;
    InFlightRecords[] records = inFlight.clone();
    Arrays.fill(inFlight, null);
    lastCheckpoint = id;
    pendingCheckpoint = -1;
    pendingBarrier = null;
    unaligned = false;
    aligned.onInFlightComplete(id, records);
  }

  private void completeIfAligned() throws Exception {
    if (unaligned || pendingCheckpoint < 0
        || blockedChannels + (channels.length - openChannels) < channels.length) {
      return;
    }
    long id = pendingCheckpoint;
    lastCheckpoint = id;
    pendingCheckpoint = -1;
    pendingBarrier = null;
    unblockAll();
    aligned.onAligned(id, pendingTimestamp, System.nanoTime() - alignmentStart);
  }

  private void unblockAll() {
    if (blockedChannels > 0) {
      Arrays.fill(blocked, false);
      blockedChannels = 0;
    }
  }

  @Override
  public void close() {}
}
