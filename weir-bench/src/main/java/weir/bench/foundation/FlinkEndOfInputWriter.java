package weir.bench.foundation;

import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * A Flink sink writer that runs {@link #endOfInput()} exactly once, after its last record: on
 * {@code flush(endOfInput = true)}, which Flink calls once the writer has received its final
 * record, or, as a fallback only, on {@code close()}. The benchmarks' sinks publish their counts
 * and stamp their end time there.
 */
public abstract class FlinkEndOfInputWriter<T> implements SinkWriter<T> {
  private boolean ended;

  /** Called once, on the sink subtask's thread, after the last record. */
  protected abstract void endOfInput();

  @Override
  public final void flush(boolean endOfInput) {
    if (endOfInput) {
      end();
    }
  }

  @Override
  public final void close() {
    end();
  }

  private void end() {
    if (!ended) {
      ended = true;
      endOfInput();
    }
  }
}
