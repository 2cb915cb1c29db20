package weir.runtime.state;

import javax.annotation.Nullable;

/**
 * Leaves expired values of a state with time-to-live out of a full snapshot (the state's config
 * asked for {@code cleanupFullSnapshot()}). Obtain it from {@link StateTable#ttlSnapshotFilter()}
 * when the snapshot starts; it judges every entry at the time it was obtained, so one snapshot is
 * consistent, and then reads no clock, so the snapshot may be written on another thread.
 *
 * <p>Per entry of the table, the writer asks:
 * <ul>
 *   <li>binary tables ({@code StateMap.Entry} bytes in the {@link ValueArena}): {@link
 *       #isExpired(byte[], int)} with the arena's array and the entry's offset; the answer comes
 *       from the first 8 bytes, the last-access time ({@link TtlValueSerializer});</li>
 *   <li>object tables: {@link #withoutExpired(Object)} with the entry's value, and writes what it
 *       returns, or skips the entry on {@code null}.</li>
 * </ul>
 * Neither changes the table.
 *
 * @param <V> the type the table stores
 */
public final class TtlSnapshotFilter<V> {
  private final TtlLayout<V> layout;
  private final long now;
  private final long firstWatermark;

  TtlSnapshotFilter(TtlLayout<V> layout) {
    this.layout = layout;
    this.now = layout.policy.now();
    this.firstWatermark = layout.policy.firstWatermark();
  }

  /** Whether the binary value serialized at {@code offset} of {@code data} has expired: skip its entry. */
  public boolean isExpired(byte[] data, int offset) {
    return layout.isExpired(data, offset, now, firstWatermark);
  }

  /**
   * {@code value} without its expired parts: {@code value} itself when nothing expired, a copy
   * without the expired elements (lists) or entries (maps) when some did, {@code null} when
   * everything did (skip the entry). {@code value} is left unchanged.
   */
  @Nullable
  public V withoutExpired(V value) {
    return layout.withoutExpired(value, now, firstWatermark);
  }

  /** The time entries are judged at, on the state's TTL clock. */
  public long time() {
    return now;
  }
}
