package weir.api.graph;

import java.util.List;
import weir.api.annotation.Internal;

/** Virtual: merges several inputs of the same type into one stream. */
@Internal
public final class UnionTransformation<T> extends Transformation<T> {
  private static final long serialVersionUID = 1L;

  private final List<Transformation<T>> inputs;

  public UnionTransformation(int id, List<Transformation<T>> inputs) {
    super(id, "Union", inputs.get(0).getOutputType());
    this.inputs = List.copyOf(inputs);
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.copyOf(inputs);
  }
}
