package weir.api.graph;

import java.util.List;
import weir.api.annotation.Internal;

/** Virtual: changes how records travel from the input to its consumers. */
@Internal
public final class PartitionTransformation<T> extends Transformation<T> {
  private static final long serialVersionUID = 1L;

  private final Transformation<T> input;
  private final Partitioning partitioning;

  public PartitionTransformation(int id, Transformation<T> input, Partitioning partitioning) {
    super(id, "Partition", input.getOutputType());
    this.input = input;
    this.partitioning = partitioning;
  }

  public Transformation<T> getInput() {
    return input;
  }

  public Partitioning getPartitioning() {
    return partitioning;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
