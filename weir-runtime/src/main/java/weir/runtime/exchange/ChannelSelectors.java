package weir.runtime.exchange;

import java.util.concurrent.ThreadLocalRandom;
import weir.api.functions.KeySelector;
import weir.runtime.state.KeyGroups;

/** The channel selectors of the partitionings. */
public final class ChannelSelectors {
  private ChannelSelectors() {}

  /** Always channel 0: forward and pointwise edges with one channel per producer, and global. */
  public static ChannelSelector first() {
    return record -> 0;
  }

  /** Round robin, starting at a random channel so producers do not all start at channel 0. */
  public static ChannelSelector roundRobin(int channels) {
    return new ChannelSelector() {
      private int next = ThreadLocalRandom.current().nextInt(channels);

      @Override
      public int select(Object record) {
        int c = next;
        next = c + 1 == channels ? 0 : c + 1;
        return c;
      }
    };
  }

  /** A random channel per record. */
  public static ChannelSelector random(int channels) {
    return record -> ThreadLocalRandom.current().nextInt(channels);
  }

  /** Every channel. */
  public static ChannelSelector broadcast() {
    return record -> ChannelSelector.BROADCAST;
  }

  /** The channel of the subtask that owns the record's key group. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static ChannelSelector keyed(KeySelector keySelector, int maxParallelism, int channels) {
    return record -> {
      Object key = keySelector.getKey(record);
      if (key == null) {
        throw new NullPointerException("The key selector returned null for record " + record + "; keys must not be null");
      }
      return KeyGroups.subtaskOf(KeyGroups.keyGroupOf(key, maxParallelism), maxParallelism, channels);
    };
  }
}
