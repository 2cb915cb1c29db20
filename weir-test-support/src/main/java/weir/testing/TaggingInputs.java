package weir.testing;

import weir.api.functions.MapFunction;
import weir.runtime.operators.OneInputOperator;
import weir.runtime.operators.Output;
import weir.runtime.operators.TwoInputOperator;

/**
 * The two inputs of a window join or coGroup in front of its window operator: each record is
 * tagged with its side, as the job's tagging maps do, and handed to the window operator.
 *
 * @param <L> the type of the first input
 * @param <R> the type of the second input
 */
final class TaggingInputs<L, R> implements TwoInputOperator<L, R> {
  private final OneInputOperator<Object> window;
  private final MapFunction<L, Object> leftTagger;
  private final MapFunction<R, Object> rightTagger;

  TaggingInputs(OneInputOperator<Object> window, MapFunction<L, Object> leftTagger,
      MapFunction<R, Object> rightTagger) {
    this.window = window;
    this.leftTagger = leftTagger;
    this.rightTagger = rightTagger;
  }

  @Override
  public void processElement1(L record) throws Exception {
    window.processElement(leftTagger.map(record));
  }

  @Override
  public void processElement2(R record) throws Exception {
    window.processElement(rightTagger.map(record));
  }

  @Override
  public String name() {
    return window.name();
  }

  @Override
  public Output<?> output() {
    return window.output();
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    window.processWatermark(watermark);
  }

  @Override
  public void processWatermarkStatus(boolean idle) throws Exception {
    window.processWatermarkStatus(idle);
  }

  @Override
  public void open() throws Exception {
    window.open();
  }

  @Override
  public void endInput() throws Exception {
    window.endInput();
  }

  @Override
  public void close() throws Exception {
    window.close();
  }
}
