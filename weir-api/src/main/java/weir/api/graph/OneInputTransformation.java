package weir.api.graph;

import java.util.List;
import javax.annotation.Nullable;
import weir.api.annotation.Internal;
import weir.api.functions.KeySelector;
import weir.api.typeinfo.TypeInfo;

/**
 * Applies an operation to one input. When {@code keySelector} is set the operation runs keyed:
 * the runtime scopes keyed state to the key it extracts from each record.
 */
@Internal
public final class OneInputTransformation<I, O> extends Transformation<O> {
  private static final long serialVersionUID = 1L;

  private final Transformation<I> input;
  private final OperatorSpec operation;
  @Nullable private final KeySelector<I, ?> keySelector;

  public OneInputTransformation(
      int id,
      String name,
      TypeInfo<O> type,
      Transformation<I> input,
      OperatorSpec operation,
      @Nullable KeySelector<I, ?> keySelector) {
    super(id, name, type);
    this.input = input;
    this.operation = operation;
    this.keySelector = keySelector;
  }

  public Transformation<I> getInput() {
    return input;
  }

  public OperatorSpec getOperation() {
    return operation;
  }

  @Nullable
  public KeySelector<I, ?> getKeySelector() {
    return keySelector;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
