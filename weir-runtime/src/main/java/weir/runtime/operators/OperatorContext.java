package weir.runtime.operators;

import javax.annotation.Nullable;
import weir.api.functions.RuntimeContext;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.OperatorStateBackend;
import weir.runtime.time.ProcessingTimers;
import weir.runtime.time.RecordTimestamp;

/**
 * What an operator is built with besides its function and output.
 *
 * @param name the operator's name
 * @param runtimeContext the context handed to the user function
 * @param keyedState the keyed state backend, or {@code null} when the operator is not keyed
 * @param operatorState the operator state backend: lists, union lists and broadcast states
 * @param clock processing time
 * @param timestamp the subtask's slot for the timestamp of the record in flight
 * @param processingTimers where the operator registers what must act on processing time
 * @param autoWatermarkInterval how often periodic watermark generators emit, in ms; 0: never
 */
public record OperatorContext(
    String name, RuntimeContext runtimeContext, @Nullable HeapKeyedStateBackend keyedState,
    OperatorStateBackend operatorState, ProcessingTimeService clock, RecordTimestamp timestamp,
    ProcessingTimers processingTimers, long autoWatermarkInterval) {
  /** The keyed state backend; fails with a clear message when the operator is not keyed. */
  public HeapKeyedStateBackend requireKeyedState() {
    if (keyedState == null) {
      throw new IllegalStateException("Bug in operator setup: keyed operator '" + name + "' has no keyed state backend");
    }
    return keyedState;
  }
}
