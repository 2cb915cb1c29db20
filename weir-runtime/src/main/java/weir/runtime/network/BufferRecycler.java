package weir.runtime.network;

/** Takes back a {@link NetworkBuffer} whose contents are no longer needed. Thread-safe. */
interface BufferRecycler {
  void recycle(NetworkBuffer buffer);
}
