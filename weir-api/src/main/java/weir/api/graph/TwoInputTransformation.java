package weir.api.graph;

import java.util.List;
import javax.annotation.Nullable;
import weir.api.annotation.Internal;
import weir.api.functions.KeySelector;
import weir.api.typeinfo.TypeInfo;

/** Applies an operation to two inputs (connected streams), keyed when both selectors are set. */
@Internal
public final class TwoInputTransformation<I1, I2, O> extends Transformation<O> {
  private static final long serialVersionUID = 1L;

  private final Transformation<I1> input1;
  private final Transformation<I2> input2;
  private final OperatorSpec operation;
  @Nullable private final KeySelector<I1, ?> keySelector1;
  @Nullable private final KeySelector<I2, ?> keySelector2;

  public TwoInputTransformation(
      int id,
      String name,
      TypeInfo<O> type,
      Transformation<I1> input1,
      Transformation<I2> input2,
      OperatorSpec operation,
      @Nullable KeySelector<I1, ?> keySelector1,
      @Nullable KeySelector<I2, ?> keySelector2) {
    super(id, name, type);
    this.input1 = input1;
    this.input2 = input2;
    this.operation = operation;
    this.keySelector1 = keySelector1;
    this.keySelector2 = keySelector2;
  }

  public Transformation<I1> getInput1() {
    return input1;
  }

  public Transformation<I2> getInput2() {
    return input2;
  }

  public OperatorSpec getOperation() {
    return operation;
  }

  @Nullable
  public KeySelector<I1, ?> getKeySelector1() {
    return keySelector1;
  }

  @Nullable
  public KeySelector<I2, ?> getKeySelector2() {
    return keySelector2;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input1, input2);
  }
}
