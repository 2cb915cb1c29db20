package testjobs;

import java.nio.file.Path;
import java.time.Duration;
import weir.api.checkpoint.RestartStrategy;
import weir.api.connector.sink.lib.BucketAssigner;
import weir.api.connector.sink.lib.DeadLetter;
import weir.api.connector.sink.lib.DeadLetterSink;
import weir.api.connector.sink.lib.FileSink;
import weir.api.connector.sink.lib.SimpleStringEncoder;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

/**
 * A job program that cluster tests submit as a jar: numbers 1..count at a given rate, then
 * either straight into an exactly-once file sink ({@code forward}), or keyed by {@code n % 16}
 * through a running count per key ({@code keyed}), each line {@code key,count,n}. Either way the
 * numbers in the output are 1..count once each, and with {@code keyed} each key's counts are
 * 1..(its numbers) once each, however often the job restarts.
 *
 * <p>Arguments: out-folder checkpoint-folder count forward|keyed records-per-second [dead-letters]. With
 * {@code dead-letters}, every multiple of 1000 also goes to the job's dead-letter output.
 */
public final class CountingJob {
  private CountingJob() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long count = Long.parseLong(args[2]);
    boolean keyed = args[3].equals("keyed");
    double rate = Double.parseDouble(args[4]);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(Duration.ofMillis(300));
    env.getCheckpointConfig().setCheckpointDirectory(Path.of(args[1]));
    env.setRestartStrategy(RestartStrategy.fixedDelay(10, Duration.ofMillis(200)));
    DataStream<Long> numbers = env.fromSource(new DataGeneratorSource<>(n -> n + 1, count, rate),
        WatermarkStrategy.noWatermarks(), "numbers");
    DataStream<String> lines = keyed
        ? numbers.keyBy(n -> n % 16).process(new RunningCount()).name("count")
        : numbers.map(n -> "0,0," + n);
    if (args.length > 5 && args[5].equals("dead-letters")) {
      numbers.filter(n -> n % 1000 == 0)
          .map(n -> new DeadLetter("n=" + n, "a multiple of 1000"))
          .sinkTo(new DeadLetterSink()).name("dead letters");
    }
    lines.sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
        .withBucketAssigner(BucketAssigner.basePath()).build());
    env.execute("counting-" + args[3]);
  }

  /** Counts the numbers of each key; emits key, count so far, number. */
  static final class RunningCount extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(RuntimeContext ctx) {
      count = ctx.getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long n, Context<Long> ctx, Collector<String> out) throws Exception {
      Long c = count.value();
      long next = c == null ? 1 : c + 1;
      count.update(next);
      out.collect(ctx.getCurrentKey() + "," + next + "," + n);
    }
  }
}
