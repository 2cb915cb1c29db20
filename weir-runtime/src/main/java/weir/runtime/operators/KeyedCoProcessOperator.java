package weir.runtime.operators;

import weir.api.functions.KeySelector;
import weir.api.functions.KeyedCoProcessFunction;
import weir.runtime.state.HeapKeyedStateBackend;

/** Applies a {@link KeyedCoProcessFunction}; records of both inputs share their key's state. */
public final class KeyedCoProcessOperator<K, A, B, O> extends UdfOperator<KeyedCoProcessFunction<K, A, B, O>>
    implements TwoInputOperator<A, B> {
  private final KeySelector<A, K> keySelector1;
  private final KeySelector<B, K> keySelector2;
  private final HeapKeyedStateBackend state;
  private final Output<O> output;
  private final ProcessContext<K> processContext;

  public KeyedCoProcessOperator(KeyedCoProcessFunction<K, A, B, O> function, KeySelector<A, K> keySelector1,
      KeySelector<B, K> keySelector2, OperatorContext context, Output<O> output) {
    super(function, context);
    this.keySelector1 = keySelector1;
    this.keySelector2 = keySelector2;
    this.state = context.requireKeyedState();
    this.output = output;
    this.processContext = new ProcessContext<>(output, context.clock());
  }

  @Override
  public void processElement1(A record) throws Exception {
    setKey(keySelector1.getKey(record));
    function.processElement1(record, processContext, output);
  }

  @Override
  public void processElement2(B record) throws Exception {
    setKey(keySelector2.getKey(record));
    function.processElement2(record, processContext, output);
  }

  private void setKey(K key) {
    state.setCurrentKey(key);
    processContext.setCurrentKey(key);
  }
}
