package weir.runtime.operators;

import weir.api.datastream.OutputTag;
import weir.api.functions.KeyedProcessFunction;

/**
 * The context process functions see; one reusable instance per operator, whose current key the
 * operator sets before each call.
 */
final class ProcessContext<K> implements KeyedProcessFunction.Context<K> {
  private final Output<?> output;
  private final ProcessingTimeService clock;
  private K currentKey;

  ProcessContext(Output<?> output, ProcessingTimeService clock) {
    this.output = output;
    this.clock = clock;
  }

  void setCurrentKey(K key) {
    this.currentKey = key;
  }

  @Override
  public K getCurrentKey() {
    return currentKey;
  }

  @Override
  public <X> void output(OutputTag<X> tag, X value) {
    if (tag == null) {
      throw new NullPointerException("ctx.output needs an OutputTag");
    }
    output.collect(tag, value);
  }

  @Override
  public long currentProcessingTime() {
    return clock.currentProcessingTime();
  }
}
