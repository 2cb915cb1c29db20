package weir.api.connector.source.lib;

import weir.api.annotation.Public;

/**
 * The numbers {@code from} to {@code to}, both inclusive, split evenly over the readers.
 *
 * @since 0.1
 */
@Public
public final class NumberSequenceSource extends IndexedSource<Long> {
  private static final long serialVersionUID = 1L;

  private final long from;

  public NumberSequenceSource(long from, long to) {
    super(checkedCount(from, to), 0);
    this.from = from;
  }

  private static long checkedCount(long from, long to) {
    if (to < from) {
      throw new IllegalArgumentException("A number sequence needs from <= to, but was from=" + from + ", to=" + to);
    }
    if (to - from >= Long.MAX_VALUE - 1 || to - from < 0) {
      throw new IllegalArgumentException("The number sequence [" + from + ", " + to + "] is too long");
    }
    return to - from + 1;
  }

  @Override
  @SuppressWarnings("removal")
  protected Long elementAt(long index) {
    // Not Long.valueOf: its cache branch for -128..127 is taken for the first records of a
    // sequence from 0, and once the JIT has profiled it, the result may be a cached object, so
    // escape analysis can no longer remove the boxing in a fully inlined chain. A fresh Long
    // can always be scalar-replaced.
    return new Long(from + index);
  }
}
