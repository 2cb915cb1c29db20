package weir.runtime.operators;

import javax.annotation.Nullable;
import weir.api.datastream.OutputTag;
import weir.api.functions.BaseBroadcastProcessFunction;

/**
 * What the contexts of both sides of a broadcast process function share, answered by the
 * operator's {@link ProcessContext}.
 */
abstract class BroadcastBaseContext<K> implements BaseBroadcastProcessFunction.BaseContext {
  protected final ProcessContext<K> process;
  protected final BroadcastStates states;

  BroadcastBaseContext(ProcessContext<K> process, BroadcastStates states) {
    this.process = process;
    this.states = states;
  }

  @Override
  @Nullable
  public Long timestamp() {
    return process.timestamp();
  }

  @Override
  public <X> void output(OutputTag<X> tag, X value) {
    process.output(tag, value);
  }

  @Override
  public long currentProcessingTime() {
    return process.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return process.currentWatermark();
  }
}
