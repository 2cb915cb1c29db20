package weir.bench.nexmark;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import weir.api.connector.source.lib.DataGeneratorSource;

/**
 * The Nexmark events as a source of each engine, both made from the same {@link NexmarkModel}:
 * each engine's stock data generator source, which splits the index range over its readers and
 * calls the model once per index. Side by side, so that a reader can compare them.
 */
public final class NexmarkSources {
  private NexmarkSources() {}

  /** Events {@code 0 .. count-1} as a Weir source. */
  public static DataGeneratorSource<NexmarkEvent> weir(NexmarkModel model, long count) {
    return new DataGeneratorSource<>(model::event, count);
  }

  /** Events {@code 0 .. count-1} as a Flink source. */
  public static org.apache.flink.connector.datagen.source.DataGeneratorSource<NexmarkEvent> flink(
      NexmarkModel model, long count) {
    return new org.apache.flink.connector.datagen.source.DataGeneratorSource<>(
        index -> model.event(index), count, TypeInformation.of(NexmarkEvent.class));
  }
}
