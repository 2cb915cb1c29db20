package weir.api.graph;

import java.util.List;
import weir.api.annotation.Internal;
import weir.api.connector.source.Source;
import weir.api.typeinfo.TypeInfo;

/** Reads a {@link Source}. */
@Internal
public final class SourceTransformation<T> extends Transformation<T> {
  private static final long serialVersionUID = 1L;

  private final Source<T, ?, ?> source;

  public SourceTransformation(int id, String name, TypeInfo<T> type, Source<T, ?, ?> source) {
    super(id, name, type);
    this.source = source;
  }

  public Source<T, ?, ?> getSource() {
    return source;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of();
  }
}
