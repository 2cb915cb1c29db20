package weir.api.connector.source.lib;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import weir.api.annotation.Public;

/**
 * Emits the given elements, split evenly over the readers. The elements travel inside the job
 * graph.
 *
 * @since 0.1
 */
@Public
public final class FromElementsSource<T> extends IndexedSource<T> {
  private static final long serialVersionUID = 1L;

  private final ArrayList<T> elements;

  public FromElementsSource(Collection<? extends T> elements) {
    super(elements.size(), 0);
    this.elements = new ArrayList<>(elements);
  }

  /** The elements, in order. */
  public List<T> elements() {
    return elements;
  }

  @Override
  protected T elementAt(long index) {
    return elements.get((int) index);
  }
}
