package weir.runtime.operators;

import weir.api.functions.KeySelector;
import weir.api.functions.KeyedProcessFunction;
import weir.runtime.state.HeapKeyedStateBackend;

/** Applies a {@link KeyedProcessFunction}, setting the record's key on the state backend first. */
public final class KeyedProcessOperator<K, I, O> extends UdfOperator<KeyedProcessFunction<K, I, O>>
    implements OneInputOperator<I> {
  private final KeySelector<I, K> keySelector;
  private final HeapKeyedStateBackend state;
  private final Output<O> output;
  private final ProcessContext<K> processContext;

  public KeyedProcessOperator(
      KeyedProcessFunction<K, I, O> function, KeySelector<I, K> keySelector, OperatorContext context, Output<O> output) {
    super(function, context);
    this.keySelector = keySelector;
    this.state = context.requireKeyedState();
    this.output = output;
    this.processContext = new ProcessContext<>(output, context.clock());
  }

  @Override
  public void processElement(I record) throws Exception {
    K key = keySelector.getKey(record);
    state.setCurrentKey(key);
    processContext.setCurrentKey(key);
    function.processElement(record, processContext, output);
  }
}
