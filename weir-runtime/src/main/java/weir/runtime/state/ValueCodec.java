package weir.runtime.state;

/**
 * How the values of a state kept as objects are written into snapshots and read back. The
 * backend derives one from the state's descriptor; an operator that keeps a structure of its own
 * as a state's value gives one with {@link HeapKeyedStateBackend#getObjectState}.
 *
 * @param <T> the type of the values
 */
public interface ValueCodec<T> extends StateValueCodec<T> {}
