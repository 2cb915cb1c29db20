package weir.runtime.network;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import weir.api.typeinfo.TypeSerializer;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.task.Tasklet;

/**
 * The remote inputs of one consuming subtask. Owns a {@link LocalBufferPool}: {@code
 * exclusiveBuffersPerChannel} buffers for each of its remote channels, which are each channel's
 * initial credit, and {@code floatingBuffersPerGate} that its channels borrow while their senders
 * report a backlog. The buffers return to the TaskManager's pool when every receiver has closed,
 * or when the job is released.
 *
 * <h3>Threading</h3>
 * Thread-safe; each receiver tasklet is then driven by one worker thread at a time.
 *
 * @since 0.1
 */
public final class InputGate {
  private final String name;
  private final int remoteChannels;
  private final LocalBufferPool pool;
  private final NetworkEnvironment environment;
  private final List<ReceiverChannel> channels = new ArrayList<>(); // guarded by this
  private int closed; // guarded by this
  @Nullable private String jobId; // guarded by this
  private int attempt; // guarded by this

  InputGate(String name, int remoteChannels, NetworkConfig config, NetworkBufferPool global, NetworkEnvironment environment) {
    this.name = name;
    this.remoteChannels = remoteChannels;
    this.pool = new LocalBufferPool(global, name, remoteChannels, config.exclusiveBuffersPerChannel(),
        config.floatingBuffersPerGate());
    this.environment = environment;
  }

  /**
   * The receiving end of channel {@code id}: fills {@code target}, which the local consumer
   * subtask reads. Registers the channel at once, so the sender may open it before or after.
   */
  public Tasklet receiver(ChannelId id, SpscChannel target, TypeSerializer<Object> serializer) {
    ReceiverChannel channel;
    synchronized (this) {
      channel = new ReceiverChannel(id, pool, environment.counters(), pool.exclusiveBuffers(id));
      channels.add(channel);
      if (jobId == null) {
        jobId = id.jobId();
        attempt = id.attempt();
      }
    }
    ReceiverTasklet tasklet = new ReceiverTasklet(channel, target, new ElementReader(serializer.duplicate()), this);
    environment.registry().register(channel);
    return tasklet;
  }

  public String name() {
    return name;
  }

  /** Buffers received by this gate's channels and not yet read by their tasklets. */
  public int queuedBuffers() {
    int queued = 0;
    synchronized (this) {
      for (ReceiverChannel c : channels) {
        queued += c.queued();
      }
    }
    return queued;
  }

  synchronized boolean belongsTo(String jobId, int attempt) {
    return this.jobId != null && this.attempt == attempt && this.jobId.equals(jobId);
  }

  void receiverClosed(ReceiverTasklet tasklet, ReceiverChannel channel) {
    environment.registry().deregister(channel);
    channel.close();
    boolean all;
    synchronized (this) {
      all = ++closed == remoteChannels;
    }
    if (all) {
      release();
    }
  }

  /** Fails every channel with {@code reason} and returns the gate's buffers. */
  void release(String reason) {
    List<ReceiverChannel> all;
    synchronized (this) {
      all = new ArrayList<>(channels);
    }
    for (ReceiverChannel c : all) {
      c.fail(new IOException("Input gate '" + name + "' was released: " + reason));
      c.close();
    }
    release();
  }

  private void release() {
    pool.release();
    environment.gateReleased(this);
  }
}
