package weir.api.connector.source.lib;

import java.util.Objects;
import weir.api.annotation.Public;

/**
 * Generates {@code count} records with a {@link GeneratorFunction}, optionally at a limited rate
 * (records per second over all readers). With {@code count = Long.MAX_VALUE} it never ends.
 *
 * <pre>{@code
 * var source = new DataGeneratorSource<>(i -> new Order(i, i % 100), 1_000_000, 10_000);
 * }</pre>
 *
 * @since 0.1
 */
@Public
public final class DataGeneratorSource<T> extends IndexedSource<T> {
  private static final long serialVersionUID = 1L;

  private final GeneratorFunction<T> generator;

  /** A generator without a rate limit. */
  public DataGeneratorSource(GeneratorFunction<T> generator, long count) {
    this(generator, count, 0);
  }

  /**
   * @param recordsPerSecond the rate over all readers, or 0 for no limit
   */
  public DataGeneratorSource(GeneratorFunction<T> generator, long count, double recordsPerSecond) {
    super(count, recordsPerSecond);
    this.generator = Objects.requireNonNull(generator, "generator");
  }

  /** The function that makes the records. */
  public GeneratorFunction<T> generator() {
    return generator;
  }

  @Override
  protected T elementAt(long index) {
    return generator.map(index);
  }
}
