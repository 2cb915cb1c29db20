package weir.api.functions;

import weir.api.annotation.Public;
import weir.api.datastream.OutputTag;

/**
 * Handles the joined pairs of an interval join ({@code left.intervalJoin(right).between(lower,
 * upper).process(fn)}): called once for each left record and right record of the same key whose
 * timestamps satisfy {@code leftTimestamp + lower <= rightTimestamp <= leftTimestamp + upper}.
 *
 * <p>Each pair is handed over exactly once, when the second of its two records arrives; pairs of
 * one key come in the order their records arrive, not in timestamp order. What the function
 * emits carries the larger of the two timestamps ({@link Context#getTimestamp()}).
 *
 * <h3>Lifecycle and threading</h3>
 * As for every rich function: {@link #open} before the first pair, {@link #close} after the last,
 * all calls on the subtask's thread. Keyed state obtained in {@code open} is scoped to the key of
 * the pair being processed.
 *
 * @param <L> the left input's type
 * @param <R> the right input's type
 * @param <O> the output type
 * @since 0.1
 */
@Public
public abstract class ProcessJoinFunction<L, R, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /**
   * Handles one joined pair.
   *
   * @param left the left record
   * @param right the right record
   * @param ctx the pair's timestamps and side outputs; valid only during this call
   * @param out the main output; records emitted here carry {@link Context#getTimestamp()}
   */
  public abstract void processElement(L left, R right, Context ctx, Collector<O> out) throws Exception;

  /**
   * What a join function can see and do besides emitting to the main output.
   *
   * @since 0.1
   */
  @Public
  public interface Context {
    /** The event timestamp of the left record, in milliseconds. */
    long getLeftTimestamp();

    /** The event timestamp of the right record, in milliseconds. */
    long getRightTimestamp();

    /** The timestamp of the pair, which its output records carry: the larger of both. */
    long getTimestamp();

    /** Emits a record to the side output named by {@code tag}, with the pair's timestamp. */
    <X> void output(OutputTag<X> tag, X value);
  }
}
