package weir.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The receiving side's credit accounting, without a connection. */
class ReceiverChannelTest {
  private final NetworkBufferPool global = new NetworkBufferPool(64, 8);
  private final LocalBufferPool gate = new LocalBufferPool(global, "gate", 1, 2, 1);
  private final ChannelId id = new ChannelId("job", 0, 1, 2, 3);
  private final ReceiverChannel channel = new ReceiverChannel(id, gate, new NetworkCounters(), gate.exclusiveBuffers(id));

  private static ByteBuf bytes(int n) {
    return Unpooled.wrappedBuffer(new byte[n]);
  }

  @Test
  void when_bufferArrivesWithoutCredit_then_protocolErrorNamesTheChannel() throws IOException {
    channel.onData(bytes(10), 0);
    channel.onData(bytes(10), 0);

    assertThatThrownBy(() -> channel.onData(bytes(10), 0))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("without credit")
        .hasMessageContaining(id.toString());
  }

  @Test
  void when_senderHasBacklog_then_floatingBuffersBecomeCredit() throws IOException {
    channel.onData(bytes(10), 3);

    channel.requestFloating(); // one exclusive left, backlog 3: the gate's one floating buffer is lent

    channel.onData(bytes(10), 0);
    channel.onData(bytes(10), 0);
    assertThat(channel.queued()).isEqualTo(3);
  }

  @Test
  void when_readBuffersAreRecycled_then_exclusiveOnesAreCreditAgainAndGateReleaseReturnsAll() throws IOException {
    channel.onData(bytes(10), 0);
    channel.onData(bytes(10), 0);
    channel.poll().recycle();

    channel.onData(bytes(10), 0); // the recycled buffer took it

    channel.close();
    gate.release();
    assertThat(global.availableBuffers()).isEqualTo(8);
  }
}
