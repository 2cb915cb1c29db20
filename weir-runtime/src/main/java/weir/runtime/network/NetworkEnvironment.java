package weir.runtime.network;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import weir.api.typeinfo.TypeSerializer;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.task.Tasklet;

/**
 * The data plane of one TaskManager: a Netty server that remote senders connect to, one client
 * connection to each other TaskManager this one sends to, the {@link NetworkBufferPool} all
 * network memory comes from, and the channels in between.
 *
 * <p>A remote channel is a bridge between two local rings. On the sending TaskManager a {@link
 * #sender sender tasklet} drains the ring its producer subtask writes, serializes the elements into
 * pooled buffers and ships them; on the receiving one a {@link InputGate#receiver receiver tasklet}
 * deserializes them into the ring its consumer subtask reads. Task code does not change. Flow is
 * credit-based: a sender sends a buffer only for a credit, one per free buffer the receiver holds
 * for it, so neither side ever holds more than its buffers.
 *
 * <h3>Threading</h3>
 * Thread-safe. Tasklets run on worker threads and are the only ones to touch the rings; the
 * event loop threads only move buffers and credit through thread-safe queues and never block.
 *
 * <h3>Failure cases</h3>
 * A lost connection, a remote that cannot be reached within 10 s or a protocol error makes the
 * affected tasklets throw, naming the channel and the remote. {@link #releaseJob} drops what a
 * failed or cancelled job attempt holds.
 *
 * @since 0.1
 */
public final class NetworkEnvironment implements AutoCloseable {
  private final NetworkConfig config;
  private final EventLoopGroup group;
  private final Channel server;
  private final ChannelGroup inbound = new DefaultChannelGroup("inbound", GlobalEventExecutor.INSTANCE);
  private final Bootstrap client;
  private final NetworkBufferPool pool;
  private final NetworkCounters counters = new NetworkCounters();
  private final ChannelRegistry registry = new ChannelRegistry();
  private final Map<InetSocketAddress, OutboundConnection> connections = new ConcurrentHashMap<>();
  private final Set<InputGate> gates = ConcurrentHashMap.newKeySet();
  private final Set<SenderTasklet> senders = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private NetworkEnvironment(NetworkConfig config, EventLoopGroup group, NetworkBufferPool pool) throws IOException {
    this.config = config;
    this.group = group;
    this.pool = pool;
    int maxFrame = FrameDescriptor.maxFrameLength(config.bufferSize());
    ServerBootstrap serverBootstrap = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            inbound.add(ch);
            ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(maxFrame, 0, 4, 0, 4), new InboundHandler(registry));
          }
        });
    try {
      this.server = serverBootstrap.bind(config.bindHost(), config.port()).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while binding the network server to " + config.bindHost() + ":" + config.port(), e);
    } catch (Exception e) {
      throw new IOException("Could not bind the network server to " + config.bindHost() + ":" + config.port(), e);
    }
    this.client = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000);
  }

  /** Starts the data server and allocates nothing more than the pool's bookkeeping. */
  public static NetworkEnvironment start(NetworkConfig config) throws IOException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(
        Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors() / 2)),
        new DefaultThreadFactory("weir-network", true), NioIoHandler.newFactory());
    try {
      return new NetworkEnvironment(config, group, new NetworkBufferPool(config.bufferSize(), config.totalBuffers()));
    } catch (IOException | RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  /** Where other TaskManagers connect. */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.localAddress();
  }

  /**
   * The input gate of one consuming subtask with {@code remoteChannels} remote input channels.
   *
   * @throws IllegalStateException when the pool cannot supply the gate's buffers; the message
   *     names the sizes and the configuration to raise
   */
  public InputGate createGate(String name, int remoteChannels) {
    if (remoteChannels < 1) {
      throw new IllegalArgumentException("Input gate '" + name + "' needs at least 1 remote channel, but was given " + remoteChannels);
    }
    InputGate gate = new InputGate(name, remoteChannels, config, pool, this);
    gates.add(gate);
    return gate;
  }

  /**
   * The sending end of channel {@code id}: drains {@code source}, written by a local producer
   * subtask, and ships everything to the receiver registered for {@code id} at the TaskManager
   * listening on {@code receiver}.
   */
  public Tasklet sender(ChannelId id, SpscChannel source, TypeSerializer<Object> serializer, InetSocketAddress receiver) {
    SenderTasklet sender = new SenderTasklet(id, source, serializer, receiver, this, pool, counters, config.senderQueueLimit());
    senders.add(sender);
    return sender;
  }

  /**
   * Drops every channel, queued buffer and pending registration of a job attempt, after a
   * failure or cancellation: its gates return their buffers and its tasklets throw on their
   * next call (a sender returns the buffers it holds when it is closed).
   */
  public void releaseJob(String jobId, int attempt) {
    String reason = "job " + jobId + " attempt " + attempt + " was released";
    for (ReceiverChannel waiting : registry.releaseJob(jobId, attempt)) {
      waiting.fail(new IOException(reason));
    }
    for (InputGate gate : gates) {
      if (gate.belongsTo(jobId, attempt)) {
        gate.release(reason);
      }
    }
    for (SenderTasklet sender : senders) {
      if (sender.id().belongsTo(jobId, attempt)) {
        sender.release(reason);
      }
    }
  }

  public NetworkStats stats() {
    return new NetworkStats(pool.totalBuffers(), pool.availableBuffers(), counters.bytesSent.sum(),
        counters.bytesReceived.sum(), counters.buffersSent.sum(), counters.buffersReceived.sum());
  }

  /** Open TCP connections: those other TaskManagers opened to this one plus those this one opened. */
  public int connectionCount() {
    int outbound = 0;
    for (OutboundConnection c : connections.values()) {
      outbound += c.channel() != null && c.failure() == null ? 1 : 0;
    }
    return inbound.size() + outbound;
  }

  /** Closes all connections and the server; tasklets still running then fail. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (SenderTasklet sender : senders) {
      sender.release("the network environment was closed");
    }
    List<InputGate> open = new ArrayList<>(gates);
    for (InputGate gate : open) {
      gate.release("the network environment was closed");
    }
    for (OutboundConnection c : connections.values()) {
      c.close();
    }
    server.close().syncUninterruptibly();
    inbound.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** The connection to {@code remote}, shared by all senders there; a new one if the last one failed. */
  OutboundConnection connection(InetSocketAddress remote) {
    return connections.compute(remote, (address, existing) ->
        existing != null && existing.failure() == null
            ? existing
            : new OutboundConnection(address, client, config.bufferSize(), failed -> connections.remove(address, failed)));
  }

  ChannelRegistry registry() {
    return registry;
  }

  NetworkCounters counters() {
    return counters;
  }

  void gateReleased(InputGate gate) {
    gates.remove(gate);
  }

  void senderClosed(SenderTasklet sender) {
    senders.remove(sender);
  }
}
