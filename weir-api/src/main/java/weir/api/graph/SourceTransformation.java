package weir.api.graph;

import java.util.List;
import javax.annotation.Nullable;
import weir.api.annotation.Internal;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.connector.source.Source;
import weir.api.typeinfo.TypeInfo;

/** Reads a {@link Source}. */
@Internal
public final class SourceTransformation<T> extends Transformation<T> {
  private static final long serialVersionUID = 1L;

  private final Source<T, ?, ?> source;
  @Nullable private final WatermarkStrategy<T> watermarkStrategy;

  /** @param watermarkStrategy event time per split, or {@code null} for none */
  public SourceTransformation(int id, String name, TypeInfo<T> type, Source<T, ?, ?> source,
      @Nullable WatermarkStrategy<T> watermarkStrategy) {
    super(id, name, type);
    this.source = source;
    this.watermarkStrategy = watermarkStrategy;
  }

  /** How records get timestamps and watermarks at this source, or {@code null}. */
  @Nullable
  public WatermarkStrategy<T> getWatermarkStrategy() {
    return watermarkStrategy;
  }

  public Source<T, ?, ?> getSource() {
    return source;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of();
  }
}
