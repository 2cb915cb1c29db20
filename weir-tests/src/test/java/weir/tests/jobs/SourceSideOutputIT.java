package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.Boundedness;
import weir.api.connector.source.InputStatus;
import weir.api.connector.source.ReaderOutput;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;
import weir.api.connector.source.lib.IndexRangeSplit;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.tests.support.CollectingSink;

/** A source reader emits to a side output of its source, with and without a watermark strategy. */
class SourceSideOutputIT {
  private static final OutputTag<String> ODD = OutputTag.of("odd", String.class);

  @ParameterizedTest(name = "with watermarks {0}")
  @ValueSource(booleans = {false, true})
  void when_aReaderEmitsToASideOutput_then_getSideOutputOfTheSourceHasThoseRecords(boolean watermarks)
      throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    try (var evens = new CollectingSink<Long>(); var odds = new CollectingSink<String>()) {
      DataStream<Long> main = watermarks
          ? env.fromSource(new OddToSide(), WatermarkStrategy.<Long>forMonotonousTimestamps()
              .withTimestampAssigner((v, ts) -> v), "numbers")
          : env.fromSource(new OddToSide(), WatermarkStrategy.noWatermarks(), "numbers");
      main.sinkTo(evens);
      main.getSideOutput(ODD).sinkTo(odds);
      env.execute("source side output");

      assertThat(evens.values()).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, 1_000).filter(x -> x % 2 == 0).boxed().toList());
      assertThat(odds.values()).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, 1_000).filter(x -> x % 2 == 1).mapToObj(x -> "odd-" + x).toList());
    }
  }

  /** The numbers 1 to 1000: even ones to the main output, odd ones to {@link #ODD}. */
  static final class OddToSide implements Source<Long, IndexRangeSplit, java.util.Collection<IndexRangeSplit>> {
    private static final long serialVersionUID = 1L;
    private final NumberSequenceSource numbers = new NumberSequenceSource(1, 1_000);

    @Override
    public Boundedness getBoundedness() {
      return numbers.getBoundedness();
    }

    @Override
    public SplitEnumerator<IndexRangeSplit, java.util.Collection<IndexRangeSplit>> createEnumerator(
        SplitEnumeratorContext<IndexRangeSplit> context) {
      return numbers.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<IndexRangeSplit, java.util.Collection<IndexRangeSplit>> restoreEnumerator(
        SplitEnumeratorContext<IndexRangeSplit> context, java.util.Collection<IndexRangeSplit> checkpoint) {
      return numbers.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SourceReader<Long, IndexRangeSplit> createReader(SourceReaderContext context) {
      SourceReader<Long, IndexRangeSplit> inner = numbers.createReader(context);
      return new SourceReader<>() {
        @Override
        public void start() {
          inner.start();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) throws Exception {
          return inner.pollNext(new Diverting(output));
        }

        @Override
        public List<IndexRangeSplit> snapshotState(long checkpointId) {
          return inner.snapshotState(checkpointId);
        }

        @Override
        public void addSplits(List<IndexRangeSplit> splits) {
          inner.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
          inner.notifyNoMoreSplits();
        }
      };
    }

    @Override
    public SimpleVersionedSerializer<IndexRangeSplit> getSplitSerializer() {
      return numbers.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<java.util.Collection<IndexRangeSplit>> getEnumeratorCheckpointSerializer() {
      return numbers.getEnumeratorCheckpointSerializer();
    }
  }

  private record Diverting(ReaderOutput<Long> out) implements ReaderOutput<Long> {
    @Override
    public void collect(Long record) {
      collect(record, Long.MIN_VALUE);
    }

    @Override
    public void collect(Long record, long timestamp) {
      if (record % 2 == 0) {
        out.collect(record, record);
      } else {
        out.collect(ODD, "odd-" + record);
      }
    }

    @Override
    public ReaderOutput<Long> createOutputForSplit(String splitId) {
      return new Diverting(out.createOutputForSplit(splitId));
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
      out.releaseOutputForSplit(splitId);
    }
  }
}
