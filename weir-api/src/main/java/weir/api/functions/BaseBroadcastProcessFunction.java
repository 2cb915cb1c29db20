package weir.api.functions;

import javax.annotation.Nullable;
import weir.api.annotation.Public;
import weir.api.datastream.OutputTag;
import weir.api.state.BroadcastState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReadOnlyBroadcastState;

/**
 * What {@link BroadcastProcessFunction} and {@link KeyedBroadcastProcessFunction} have in
 * common: the contexts of their two sides. The broadcast side ({@code processBroadcastElement})
 * sees every broadcast record on every subtask and may change the broadcast state; the other
 * side only reads it, so that the subtasks' copies stay equal.
 *
 * @since 0.1
 */
@Public
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  // only the two broadcast process functions extend it
  BaseBroadcastProcessFunction() {}

  /** What the contexts of both sides offer. */
  public interface BaseContext {
    /**
     * The event timestamp of the record being processed (or of the timer firing), or {@code
     * null} when it has none.
     */
    @Nullable
    Long timestamp();

    /** Emits a record to the side output named by {@code tag}. */
    <X> void output(OutputTag<X> tag, X value);

    /** The current processing time in milliseconds since the epoch. */
    long currentProcessingTime();

    /** The operator's watermark (the minimum over both inputs); {@code Long.MIN_VALUE} before the first. */
    long currentWatermark();
  }

  /** The context of the broadcast side: the broadcast states may be changed. */
  public interface Context extends BaseContext {
    /**
     * The broadcast state of {@code descriptor}, one of those given to {@code
     * DataStream.broadcast(...)}.
     *
     * @throws IllegalArgumentException if the descriptor was not given to {@code broadcast}
     */
    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
  }

  /** The context of the non-broadcast side: the broadcast states may only be read. */
  public interface ReadOnlyContext extends BaseContext {
    /**
     * A read-only view of the broadcast state of {@code descriptor}, one of those given to
     * {@code DataStream.broadcast(...)}.
     *
     * @throws IllegalArgumentException if the descriptor was not given to {@code broadcast}
     */
    <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
  }
}
