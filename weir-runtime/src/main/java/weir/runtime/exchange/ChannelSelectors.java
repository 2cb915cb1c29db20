package weir.runtime.exchange;

import java.util.concurrent.ThreadLocalRandom;
import weir.api.functions.KeySelector;
import weir.runtime.state.KeyGroups;

/**
 * The channel selectors of the partitionings. Written as classes rather than lambdas: each lambda
 * call site costs a bootstrap on first use, on the start-up path of every job.
 */
public final class ChannelSelectors {
  private ChannelSelectors() {}

  /** Always channel 0: forward and pointwise edges with one channel per producer, and global. */
  public static ChannelSelector first() {
    return new Fixed(0);
  }

  /** Every channel. */
  public static ChannelSelector broadcast() {
    return new Fixed(ChannelSelector.BROADCAST);
  }

  /** Round robin, starting at a random channel so producers do not all start at channel 0. */
  public static ChannelSelector roundRobin(int channels) {
    return new RoundRobin(channels);
  }

  /** A random channel per record. */
  public static ChannelSelector random(int channels) {
    return new Random(channels);
  }

  /** The channel of the subtask that owns the record's key group. */
  public static ChannelSelector keyed(KeySelector<?, ?> keySelector, int maxParallelism, int channels) {
    return new Keyed(keySelector, maxParallelism, channels);
  }

  private static final class Fixed implements ChannelSelector {
    private final int channel;

    Fixed(int channel) {
      this.channel = channel;
    }

    @Override
    public int select(Object record) {
      return channel;
    }
  }

  private static final class RoundRobin implements ChannelSelector {
    private final int channels;
    private int next;

    RoundRobin(int channels) {
      this.channels = channels;
      this.next = ThreadLocalRandom.current().nextInt(channels);
    }

    @Override
    public int select(Object record) {
      int c = next;
      next = c + 1 == channels ? 0 : c + 1;
      return c;
    }
  }

  private static final class Random implements ChannelSelector {
    private final int channels;

    Random(int channels) {
      this.channels = channels;
    }

    @Override
    public int select(Object record) {
      return ThreadLocalRandom.current().nextInt(channels);
    }
  }

  private static final class Keyed implements ChannelSelector {
    private final KeySelector<Object, ?> keySelector;
    private final int maxParallelism;
    private final int channels;

    @SuppressWarnings("unchecked")
    Keyed(KeySelector<?, ?> keySelector, int maxParallelism, int channels) {
      this.keySelector = (KeySelector<Object, ?>) keySelector;
      this.maxParallelism = maxParallelism;
      this.channels = channels;
    }

    @Override
    public int select(Object record) throws Exception {
      Object key = keySelector.getKey(record);
      if (key == null) {
        throw new NullPointerException("The key selector returned null for record " + record + "; keys must not be null");
      }
      return KeyGroups.subtaskOf(KeyGroups.keyGroupOf(key, maxParallelism), maxParallelism, channels);
    }
  }
}
