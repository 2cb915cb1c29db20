package weir.api.graph;

import java.util.List;
import weir.api.annotation.Internal;
import weir.api.connector.sink.Sink;

/** Writes its input to a {@link Sink}. */
@Internal
public final class SinkTransformation<T> extends Transformation<Void> {
  private static final long serialVersionUID = 1L;

  private final Transformation<T> input;
  private final Sink<T> sink;

  public SinkTransformation(int id, String name, Transformation<T> input, Sink<T> sink) {
    super(id, name, weir.api.typeinfo.TypeInfo.of(Void.class));
    this.input = input;
    this.sink = sink;
  }

  public Transformation<T> getInput() {
    return input;
  }

  public Sink<T> getSink() {
    return sink;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
