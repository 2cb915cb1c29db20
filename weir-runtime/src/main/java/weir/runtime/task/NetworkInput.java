package weir.runtime.task;

import java.util.Arrays;
import weir.runtime.exchange.CheckpointBarrier;

import javax.annotation.Nullable;
import weir.runtime.exchange.ControlEvent;
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
  // the checkpoint being aligned, or -1; the newest one started so far; and when it was triggered
  private long pendingCheckpoint = -1;
  private long pendingTimestamp;
  private long lastCheckpoint = -1;
  private int blockedChannels;

  @SuppressWarnings("unchecked")
  public NetworkInput(SpscChannel[] channels, int[] inputIndex, StreamOperator head, RecordTimestamp timestamp,
      BarrierAligned aligned) {
    this.aligned = aligned;
    this.blocked = new boolean[channels.length];
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
  }

  @Override
  public ProgressState process(int budget, StreamTask task) {
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
        if (take == 0) {
          continue;
        }
        progress = true;
        budget -= take;
        if (twoInput == null) {
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
      Object element = channel.take();
      if (element instanceof ControlEvent event) {
        onControl(c, event);
        if (blocked[c]) {
          return;
        }
      } else {
        timestamp.set(channel.takenTimestamp());
        head.processElement(element);
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
      timestamp.set(channel.takenTimestamp());
      if (first) {
        twoInput.processElement1(element);
      } else {
        twoInput.processElement2(element);
      }
    }
  }

  private void onControl(int channel, ControlEvent event) throws Exception {
    if (event instanceof WatermarkEvent w) {
      valve.inputWatermark(channel, w.timestamp(), toHead);
    } else if (event == ControlEvent.IDLE || event == ControlEvent.ACTIVE) {
      valve.inputStatus(channel, event == ControlEvent.IDLE, toHead);
    } else if (event instanceof CheckpointBarrier barrier) {
      onBarrier(channel, barrier.id(), barrier.timestamp());
    } else if (event == ControlEvent.END_OF_PARTITION) {
      ended[channel] = true;
      openChannels--;
      completeIfAligned();
    } else {
      throw new IllegalStateException("Bug in exchange: unknown control event " + event);
    }
  }

  /** Starts checkpoint {@code id} without a barrier; it completes once every channel is aligned or ended. */
  @Override
  public void startCheckpoint(long id, long timestamp) throws Exception {
    if (id > pendingCheckpoint && id > lastCheckpoint) {
      begin(id, timestamp);
      completeIfAligned();
    }
  }

  private void onBarrier(int channel, long id, long timestamp) throws Exception {
    if (id <= lastCheckpoint || id < pendingCheckpoint) {
      return; // a checkpoint that completed here or was given up: nothing to align
    }
    if (id > pendingCheckpoint) {
      begin(id, timestamp);
    }
    blocked[channel] = true;
    blockedChannels++;
    completeIfAligned();
  }

  /** Starts aligning {@code id}; an older checkpoint still aligning was aborted and is dropped. */
  private void begin(long id, long timestamp) {
    unblockAll();
    pendingCheckpoint = id;
    pendingTimestamp = timestamp;
  }

  private void completeIfAligned() throws Exception {
    if (pendingCheckpoint < 0 || blockedChannels + (channels.length - openChannels) < channels.length) {
      return;
    }
    long id = pendingCheckpoint;
    lastCheckpoint = id;
    pendingCheckpoint = -1;
    unblockAll();
    aligned.onAligned(id, pendingTimestamp);
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
