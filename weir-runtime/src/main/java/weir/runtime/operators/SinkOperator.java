package weir.runtime.operators;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.sink.CommittingSinkWriter;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.StatefulSinkWriter;
import weir.runtime.sink.SinkCommitting;

/**
 * Hands records to a sink writer. At a checkpoint it flushes the writer, takes its committables
 * (two-phase sinks) and its state; committables are committed once the checkpoint completes. At
 * the end of input it flushes and takes the last committables, committed with the final
 * checkpoint, or at once when the job runs without checkpoints.
 */
public final class SinkOperator<T> implements OneInputOperator<T> {
  /** The name of the committables not yet committed among the operator state. */
  public static final String COMMITTABLES = "weir.sink-committables";
  /** The name of the writer's state among the operator state. */
  public static final String WRITER_STATE = "weir.sink-writer-state";

  private final String name;
  private final SinkWriter<T> writer;
  @Nullable private final SinkCommitting<Object> committing;
  @Nullable private final SimpleVersionedSerializer<Object> writerStateSerializer;
  private final boolean checkpointing;

  /**
   * @param committing the committing side of a two-phase sink, or {@code null}
   * @param writerStateSerializer the serializer of a stateful writer's state, or {@code null}
   * @param checkpointing whether the job takes checkpoints (else the end of input commits)
   */
  public SinkOperator(String name, SinkWriter<T> writer, @Nullable SinkCommitting<Object> committing,
      @Nullable SimpleVersionedSerializer<Object> writerStateSerializer, boolean checkpointing) {
    this.name = name;
    this.writer = writer;
    this.committing = committing;
    this.writerStateSerializer = writerStateSerializer;
    this.checkpointing = checkpointing;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void processElement(T record) throws Exception {
    writer.write(record);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, List<byte[]>> snapshotOperatorState(long checkpointId, long timestamp) throws Exception {
    writer.flush(false);
    Map<String, List<byte[]>> state = new LinkedHashMap<>();
    if (committing != null) {
      Collection<Object> committables = writer instanceof CommittingSinkWriter<?, ?> c
          ? (Collection<Object>) c.prepareCommit() : List.of();
      state.put(COMMITTABLES, committing.snapshot(checkpointId, committables));
    }
    if (writerStateSerializer != null && writer instanceof StatefulSinkWriter<?, ?> s) {
      List<byte[]> elements = new java.util.ArrayList<>();
      for (Object o : s.snapshotState(checkpointId)) {
        byte[] bytes = writerStateSerializer.serialize(o);
        elements.add(ByteBuffer.allocate(4 + bytes.length).putInt(writerStateSerializer.getVersion()).put(bytes).array());
      }
      state.put(WRITER_STATE, elements);
    }
    return state;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (committing != null) {
      committing.commitUpTo(checkpointId);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void endInput() throws Exception {
    writer.flush(true);
    if (committing != null && writer instanceof CommittingSinkWriter<?, ?> c) {
      committing.addAtEnd((Collection<Object>) c.prepareCommit());
      if (!checkpointing) {
        committing.commitAtEnd();
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      writer.close();
    } finally {
      if (committing != null) {
        committing.close();
      }
    }
  }

  @Override
  public Output<?> output() {
    return new DiscardingOutput<>();
  }

  @Override
  public void processWatermark(long watermark) {}

  @Override
  public void processWatermarkStatus(boolean idle) {}
}
