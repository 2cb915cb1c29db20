package weir.bench.foundation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nullable;
import weir.api.checkpoint.CheckpointStats;
import weir.api.checkpoint.RestartStrategy;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobClient;
import weir.api.functions.KeySelector;
import weir.api.functions.MapFunction;
import weir.api.tuple.Tuple2;
import weir.api.typeinfo.TypeInfo;

/**
 * The foundation pipelines on Weir's embedded engine, written to match {@link FlinkPipelines}
 * line by line: the stock number-sequence source, a chained map that builds record {@code i} with
 * {@link Generator} and stamps the first record, then the pipeline, then a discarding sink that
 * counts and stamps the arrival of its last record (on {@code flush(endOfInput = true)}).
 * Default configuration apart from the parallelism.
 *
 * <p>Checkpoints ({@link CheckpointSettings}): {@code enableCheckpointing(interval)} (aligned,
 * exactly-once), the settings' folder as checkpoint directory, other checkpoint options at their
 * defaults (one retained checkpoint, no minimum pause), and a fixed-delay restart with delay 0. The
 * source is the stock number sequence of {@code env.fromSequence}, its enumerator wrapped to count
 * completed checkpoints ({@link WeirSequenceSource}).
 */
public final class WeirPipelines implements PipelineRunner {
  static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();
  static final AtomicLong END_NANOS = new AtomicLong();
  static final AtomicLong SINK_COUNT = new AtomicLong();

  @Override
  public RunResult run(String pipeline, long records, int parallelism, @Nullable CheckpointSettings checkpoints)
      throws Exception {
    if (records < 1) {
      throw new IllegalArgumentException("records must be >= 1, got " + records);
    }
    FIRST_RECORD_NANOS.set(0);
    END_NANOS.set(0);
    SINK_COUNT.set(0);

    StreamExecutionEnvironment env = environment(parallelism, checkpoints);
    DataStream<Long> indices = indices(env, records);
    switch (pipeline) {
      case STATELESS -> indices
          .map(new StatelessRecord()).name("generate")
          .map(Generator::statelessMap).name("map")
          .filter(Generator::statelessFilter).name("filter")
          .sinkTo(new CountingDiscardingSink<>()).name("discard");
      case KEYED -> runningSums(indices).sinkTo(new CountingDiscardingSink<>()).name("discard");
      default -> throw new IllegalArgumentException("unknown pipeline: " + pipeline);
    }

    long executeCalled = System.nanoTime();
    JobClient job = env.executeAsync("foundation-" + pipeline);
    job.await();
    if (checkpoints != null) {
      printCheckpointFigures(job.getCheckpointStats());
    }
    return new RunResult(records, FIRST_RECORD_NANOS.get(), END_NANOS.get(), executeCalled, SINK_COUNT.get());
  }

  /**
   * The environment of a benchmark job: the embedded engine with {@code parallelism}, and
   * checkpoints as {@code checkpoints} say (none if {@code null}).
   */
  public static StreamExecutionEnvironment environment(int parallelism, @Nullable CheckpointSettings checkpoints) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    if (checkpoints != null) {
      env.enableCheckpointing(checkpoints.interval());
      env.getCheckpointConfig().setCheckpointDirectory(checkpoints.directory());
      env.setRestartStrategy(RestartStrategy.fixedDelay(CheckpointSettings.RESTARTS, Duration.ZERO));
    }
    return env;
  }

  /** The indices 0 .. records-1, from the stock number sequence source. */
  public static DataStream<Long> indices(StreamExecutionEnvironment env, long records) {
    return env.fromSource(new WeirSequenceSource(0, records - 1), TypeInfo.of(Long.class), "indices");
  }

  /**
   * Prints one line with the medians and maxima over the job's checkpoints of the longest
   * alignment, synchronous part (the task's stall) and asynchronous part of each, for the log.
   */
  private static void printCheckpointFigures(List<CheckpointStats> stats) {
    if (stats.isEmpty()) {
      return;
    }
    long[] sync = stats.stream().mapToLong(CheckpointStats::maxSyncNanos).sorted().toArray();
    long[] async = stats.stream().mapToLong(CheckpointStats::maxAsyncNanos).sorted().toArray();
    long[] align = stats.stream().mapToLong(CheckpointStats::maxAlignmentNanos).sorted().toArray();
    long[] size = stats.stream().mapToLong(CheckpointStats::sizeBytes).sorted().toArray();
    System.out.printf(Locale.ROOT, "CHECKPOINTS count=%d syncMsMedian=%.2f syncMsMax=%.2f asyncMsMedian=%.1f "
            + "asyncMsMax=%.1f alignmentMsMedian=%.2f alignmentMsMax=%.2f sizeBytesMedian=%d%n", stats.size(),
        sync[sync.length / 2] / 1e6, sync[sync.length - 1] / 1e6, async[async.length / 2] / 1e6,
        async[async.length - 1] / 1e6, align[align.length / 2] / 1e6, align[align.length - 1] / 1e6,
        size[size.length / 2]);
  }

  /**
   * The keyed pipeline up to its sink: index to record {@code (key, value)}, keyBy(key), and the
   * running sum of the values per key, one updated {@code (key, sum)} per record.
   */
  public static DataStream<Tuple2<Long, Long>> runningSums(DataStream<Long> indices) {
    return indices
        .map(new KeyedRecord()).name("generate")
        // an anonymous class, as on Flink: the key type is then known to be Long (a method
        // reference to the generic record's accessor would leave it erased, and checkpoints would
        // write every key with its class name)
        .keyBy(new KeySelector<Tuple2<Long, Long>, Long>() {
          @Override
          public Long getKey(Tuple2<Long, Long> r) {
            return r.f0();
          }
        })
        .reduce((acc, r) -> new Tuple2<>(acc.f0(), acc.f1() + r.f1())).name("running-sum");
  }

  private static void markFirst() {
    FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime());
  }

  /** Index to stateless record; the first operator after the source. */
  private static final class StatelessRecord implements MapFunction<Long, Long> {
    private transient boolean seen;

    @Override
    public Long map(Long i) {
      if (!seen) {
        seen = true;
        markFirst();
      }
      return Generator.longValue(i);
    }
  }

  /** Index to keyed record (key, value); the first operator after the source. */
  private static final class KeyedRecord implements MapFunction<Long, Tuple2<Long, Long>> {
    private transient boolean seen;

    @Override
    public Tuple2<Long, Long> map(Long i) {
      if (!seen) {
        seen = true;
        markFirst();
      }
      return new Tuple2<>(Generator.key(i), Generator.value(i));
    }
  }

  /** Drops records, counting them and stamping the arrival of the last one. */
  private static final class CountingDiscardingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        private long count;

        @Override
        public void write(T element) {
          count++;
        }

        @Override
        public void flush(boolean endOfInput) {
          if (endOfInput) {
            END_NANOS.accumulateAndGet(System.nanoTime(), Math::max);
            SINK_COUNT.addAndGet(count);
          }
        }
      };
    }
  }
}
