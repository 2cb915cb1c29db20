package weir.api.graph;

import java.util.List;
import weir.api.annotation.Internal;
import weir.api.datastream.OutputTag;

/** Virtual: selects the records the input emitted to one side output. */
@Internal
public final class SideOutputTransformation<T> extends Transformation<T> {
  private static final long serialVersionUID = 1L;

  private final Transformation<?> input;
  private final OutputTag<T> tag;

  public SideOutputTransformation(int id, Transformation<?> input, OutputTag<T> tag) {
    super(id, "SideOutput(" + tag.getId() + ")", tag.getType());
    this.input = input;
    this.tag = tag;
  }

  public Transformation<?> getInput() {
    return input;
  }

  public OutputTag<T> getTag() {
    return tag;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
