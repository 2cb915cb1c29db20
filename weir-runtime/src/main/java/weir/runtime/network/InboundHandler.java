package weir.runtime.network;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The receiving end of one connection from another TaskManager: registers the channels the
 * sender opens ({@link ChannelRegistry}), routes each data buffer to its channel by number and
 * writes credit back. A protocol error or the loss of the connection fails every channel on it,
 * naming the remote. Runs on its connection's event loop; never blocks.
 */
final class InboundHandler extends ChannelInboundHandlerAdapter {
  private final ChannelRegistry registry;
  // bound by the registry from the event loop or a worker, read by the event loop per buffer
  private final Map<Integer, ReceiverChannel> channels = new ConcurrentHashMap<>();
  // channels whose receiver has closed: data still on the way for them is dropped, not a protocol error
  private final Set<Integer> closed = ConcurrentHashMap.newKeySet();
  private volatile Channel channel;

  InboundHandler(ChannelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    channel = ctx.channel();
    super.channelActive(ctx);
  }

  SocketAddress remote() {
    return channel.remoteAddress();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws IOException {
    ByteBuf frame = (ByteBuf) msg;
    try {
      byte type = frame.readByte();
      int number = frame.readInt();
      if (type == FrameDescriptor.DATA) {
        int backlog = frame.readInt();
        ReceiverChannel receiver = channels.get(number);
        if (receiver == null && closed.contains(number)) {
          return; // its job was released here before the sender learnt of it
        }
        if (receiver == null) {
          throw new IOException("Protocol error: data for channel number " + number + " from " + remote()
              + ", which has not been opened or has been released");
        }
        receiver.onData(frame, backlog);
      } else if (type == FrameDescriptor.OPEN) {
        registry.onOpen(FrameDescriptor.readOpen(frame), this, number);
      } else {
        throw FrameDescriptor.unknownType(type, "from " + remote());
      }
    } finally {
      frame.release();
    }
  }

  /** Routes channel {@code number} of this connection to {@code receiver} and announces its credit. */
  void bind(int number, ReceiverChannel receiver) {
    channels.put(number, receiver);
    receiver.bind(this, number);
  }

  /** The receiver of channel {@code number} has closed; late data for it is dropped. */
  void unbind(int number) {
    closed.add(number);
    channels.remove(number);
  }

  /** Any thread: grants the sender of channel {@code number} {@code credit} more buffers. */
  void sendCredit(int number, int credit) {
    Channel ch = channel;
    ch.writeAndFlush(FrameDescriptor.credit(ch.alloc(), number, credit));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    failAll(new IOException("Connection from " + ctx.channel().remoteAddress() + " was lost"));
    registry.dropPending(this);
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    failAll(new IOException("Connection from " + ctx.channel().remoteAddress() + " failed: " + cause.getMessage(), cause));
    ctx.close();
  }

  private void failAll(IOException cause) {
    for (ReceiverChannel receiver : channels.values()) {
      receiver.fail(cause);
    }
  }
}
