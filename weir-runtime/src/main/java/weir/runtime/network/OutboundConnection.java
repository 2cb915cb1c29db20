package weir.runtime.network;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * The one connection from this TaskManager to another, shared by all channels sent there. It
 * connects in the background, retrying for {@link #CONNECT_TIMEOUT_NANOS} (the receiving
 * TaskManager may still be starting), and hands the credit the remote announces to the sender
 * of each channel. Once it has failed it stays failed; the environment opens a new one for
 * channels created afterwards.
 *
 * <p>Thread-safe: senders open channels from worker threads, the event loop delivers credit.
 */
final class OutboundConnection {
  /** How long to keep trying to reach a remote before failing its channels. */
  static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long RETRY_DELAY_MILLIS = 100;

  /** What a sender learns from its connection. */
  interface CreditListener {
    /** The receiver has {@code credit} more buffers for this channel; called on the event loop. */
    void addCredit(int credit);
  }

  private final InetSocketAddress remote;
  private final Bootstrap bootstrap;
  private final Consumer<OutboundConnection> onFailure;
  private final long deadline;
  private final AtomicInteger nextChannel = new AtomicInteger();
  private final Map<Integer, CreditListener> channels = new ConcurrentHashMap<>();
  @Nullable private volatile Channel channel;
  @Nullable private volatile IOException failure;

  OutboundConnection(InetSocketAddress remote, Bootstrap bootstrap, int bufferSize, Consumer<OutboundConnection> onFailure) {
    this.remote = remote;
    this.onFailure = onFailure;
    this.deadline = System.nanoTime() + CONNECT_TIMEOUT_NANOS;
    this.bootstrap = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline().addLast(
            new LengthFieldBasedFrameDecoder(FrameDescriptor.maxFrameLength(bufferSize), 0, 4, 0, 4),
            new CreditHandler());
      }
    });
    connect();
  }

  private void connect() {
    bootstrap.connect(remote).addListener((ChannelFuture f) -> {
      if (f.isSuccess()) {
        Channel ch = f.channel();
        ch.closeFuture().addListener(c -> fail(new IOException("Connection to " + remote + " was lost")));
        channel = ch;
      } else if (System.nanoTime() - deadline < 0 && failure == null) {
        f.channel().eventLoop().schedule(this::connect, RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
      } else {
        ConnectException e = new ConnectException("Could not connect to " + remote + " within "
            + TimeUnit.NANOSECONDS.toSeconds(CONNECT_TIMEOUT_NANOS) + " s");
        e.initCause(f.cause());
        fail(e);
      }
    });
  }

  InetSocketAddress remote() {
    return remote;
  }

  /** The connection, or {@code null} while it is being established. */
  @Nullable
  Channel channel() {
    return channel;
  }

  /** Why the connection failed, or {@code null}. */
  @Nullable
  IOException failure() {
    return failure;
  }

  /** Opens a channel on the established connection and returns its number; flushes the OPEN frame. */
  int open(ChannelId id, CreditListener listener) {
    Channel ch = channel;
    if (ch == null) {
      throw new IllegalStateException("Bug in sender: channel " + id + " opened before the connection to "
          + remote + " was established");
    }
    int number = nextChannel.getAndIncrement();
    channels.put(number, listener);
    ch.writeAndFlush(FrameDescriptor.open(ch.alloc(), number, id));
    return number;
  }

  /** Forgets a channel; its late credit is ignored. */
  void close(int number) {
    channels.remove(number);
  }

  void fail(IOException cause) {
    if (failure == null) {
      failure = cause;
      onFailure.accept(this);
    }
    Channel ch = channel;
    if (ch != null) {
      ch.close();
    }
  }

  /** Closes the connection without failing channels that have finished. */
  void close() {
    fail(new IOException("Connection to " + remote + " was closed by this TaskManager"));
  }

  private final class CreditHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws IOException {
      ByteBuf frame = (ByteBuf) msg;
      try {
        byte type = frame.readByte();
        if (type != FrameDescriptor.CREDIT) {
          throw FrameDescriptor.unknownType(type, "from " + remote);
        }
        int number = frame.readInt();
        int credit = frame.readInt();
        CreditListener listener = channels.get(number);
        if (listener != null) {
          listener.addCredit(credit);
        }
      } finally {
        frame.release();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      fail(new IOException("Connection to " + remote + " failed: " + cause.getMessage(), cause));
    }
  }
}
