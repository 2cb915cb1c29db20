package weir.runtime.state;

/**
 * Maps keys to key groups and key groups to subtasks. A key's group is a murmur hash of its
 * {@code hashCode()} modulo the max parallelism; subtask {@code i} of {@code p} owns the
 * contiguous range of groups {@code [ceil(i*max/p), ceil((i+1)*max/p) - 1]}.
 */
public final class KeyGroups {
  private KeyGroups() {}

  /** The key group of {@code key}. */
  public static int keyGroupOf(Object key, int maxParallelism) {
    return (murmur(key.hashCode()) & 0x7fffffff) % maxParallelism;
  }

  /** The subtask that owns {@code keyGroup}. */
  public static int subtaskOf(int keyGroup, int maxParallelism, int parallelism) {
    return keyGroup * parallelism / maxParallelism;
  }

  /** The key groups subtask {@code index} of {@code parallelism} owns. */
  public static KeyGroupRange rangeOf(int index, int maxParallelism, int parallelism) {
    if (parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "Parallelism " + parallelism + " exceeds the max parallelism " + maxParallelism
              + "; raise it with env.setMaxParallelism(...)");
    }
    int start = (index * maxParallelism + parallelism - 1) / parallelism;
    int end = ((index + 1) * maxParallelism - 1) / parallelism;
    return new KeyGroupRange(start, end);
  }

  /** Murmur3's 32-bit finaliser over one int: spreads poor hash codes such as small integers. */
  static int murmur(int code) {
    code *= 0xcc9e2d51;
    code = Integer.rotateLeft(code, 15);
    code *= 0x1b873593;
    code = Integer.rotateLeft(code, 13);
    code = code * 5 + 0xe6546b64;
    code ^= 4;
    code ^= code >>> 16;
    code *= 0x85ebca6b;
    code ^= code >>> 13;
    code *= 0xc2b2ae35;
    code ^= code >>> 16;
    return code;
  }
}
