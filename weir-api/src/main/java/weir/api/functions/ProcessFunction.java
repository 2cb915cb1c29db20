package weir.api.functions;

import javax.annotation.Nullable;
import weir.api.annotation.Public;
import weir.api.datastream.OutputTag;

/**
 * The most general one-input function: sees each record with a context and may emit any number
 * of records to the main output and to side outputs.
 *
 * @param <I> the input type
 * @param <O> the main output type
 * @since 0.1
 */
@Public
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Handles one record. */
  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** What a process function can do besides emitting to the main output. */
  public interface Context {
    /** Emits a record to the side output named by {@code tag}. */
    <X> void output(OutputTag<X> tag, X value);

    /** The current processing time in milliseconds since the epoch. */
    long currentProcessingTime();

    /**
     * The event timestamp of the record being processed (or of the timer firing), or {@code null}
     * when it has none.
     */
    @Nullable
    Long timestamp();

    /** Time and, in keyed functions, timers. */
    TimerService timerService();
  }
}
