package weir.bench.windows;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.api.common.typeinfo.Types;
import weir.bench.source.FlinkIndexedSource;
import weir.bench.foundation.FlinkEndOfInputWriter;
import weir.bench.foundation.FlinkPipelines;

/**
 * The window benchmark on Apache Flink, on the local MiniCluster that
 * {@link StreamExecutionEnvironment#getExecutionEnvironment()} starts inside this JVM:
 *
 * <pre>
 * fromSource(FlinkIndexedSource, forBoundedOutOfOrderness(1 s) + timestamp assigner)
 *   → keyBy(key) → window(sliding 10 s / 1 s | session gap 5 s)
 *   → aggregate(count, emit (key, window end, count)) → checksum sink
 * </pre>
 *
 * <p>Configuration: Flink defaults apart from the parallelism, as in {@link FlinkPipelines}
 * (object reuse off; the default hashmap, on-heap state backend holds the window state and
 * timers). The count is incremental: one accumulator per key and window, updated in place (Flink's
 * {@code AggregateFunction} allows {@code add} to modify and return its accumulator), so the window
 * keeps no elements, and the {@code ProcessWindowFunction} only attaches the key and window end to
 * the single count when the window fires. Functions are named classes, not lambdas, so Flink can
 * extract their types.
 */
public final class FlinkWindowPipelines implements WindowPipelineRunner {

  @Override
  public WindowRunResult run(WindowEvents events, int parallelism) throws Exception {
    WindowProbes.reset();

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    WatermarkStrategy<Tuple2<Long, Long>> watermarks =
        WatermarkStrategy.<Tuple2<Long, Long>>forBoundedOutOfOrderness(WindowEvents.OUT_OF_ORDERNESS)
            .withTimestampAssigner(new EventTimestamp());
    var keyed =
        env.fromSource(new FlinkIndexedSource<>(i -> new Tuple2<>(events.key(i), events.timestamp(i)),
                events.records(), 0, Types.TUPLE(Types.LONG, Types.LONG)), watermarks, "events")
            .keyBy(new EventKey());
    WindowedStream<Tuple2<Long, Long>, Long, TimeWindow> windowed =
        switch (events.workload()) {
          case SLIDING ->
              keyed.window(SlidingEventTimeWindows.of(Workload.SLIDING_SIZE, Workload.SLIDING_SLIDE));
          case SESSION -> keyed.window(EventTimeSessionWindows.withGap(Workload.SESSION_GAP));
        };
    windowed
        .aggregate(new CountEvents(), new EmitCount())
        .name("count-" + events.workload().label())
        .sinkTo(new ChecksumSink())
        .name("checksum");

    long executeCalled = System.nanoTime();
    env.execute("windows-" + events.workload().label());
    return WindowProbes.result(events, executeCalled);
  }

  /** Reads the event's timestamp; stamps the first event of its source subtask. */
  private static final class EventTimestamp implements SerializableTimestampAssigner<Tuple2<Long, Long>> {
    private static final long serialVersionUID = 1L;
    private transient boolean seen;

    @Override
    public long extractTimestamp(Tuple2<Long, Long> event, long recordTimestamp) {
      if (!seen) {
        seen = true;
        WindowProbes.markFirstRecord();
      }
      return event.f1;
    }
  }

  private static final class EventKey implements KeySelector<Tuple2<Long, Long>, Long> {
    @Override
    public Long getKey(Tuple2<Long, Long> event) {
      return event.f0;
    }
  }

  /** A count that is updated in place, so adding an event allocates nothing. */
  public static final class Count {
    public long value;
  }

  private static final class CountEvents implements AggregateFunction<Tuple2<Long, Long>, Count, Long> {
    @Override
    public Count createAccumulator() {
      return new Count();
    }

    @Override
    public Count add(Tuple2<Long, Long> event, Count count) {
      count.value++;
      return count;
    }

    @Override
    public Long getResult(Count count) {
      return count.value;
    }

    @Override
    public Count merge(Count a, Count b) {
      a.value += b.value;
      return a;
    }
  }

  /** Emits (key, window end, count) for the single count of a firing window. */
  private static final class EmitCount
      extends ProcessWindowFunction<Long, Tuple3<Long, Long, Long>, Long, TimeWindow> {
    @Override
    public void process(
        Long key, Context context, Iterable<Long> counts, Collector<Tuple3<Long, Long, Long>> out) {
      out.collect(new Tuple3<>(key, context.window().getEnd(), counts.iterator().next()));
    }
  }

  /** Discards the results, folding each into a {@link ResultChecksum} published at end of input. */
  private static final class ChecksumSink implements Sink<Tuple3<Long, Long, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<Tuple3<Long, Long, Long>> createWriter(WriterInitContext context) {
      return new Writer();
    }

    private static final class Writer extends FlinkEndOfInputWriter<Tuple3<Long, Long, Long>> {
      private final ResultChecksum sums = new ResultChecksum();

      @Override
      public void write(Tuple3<Long, Long, Long> result, Context context) {
        sums.add(result.f0, result.f1, result.f2);
      }

      @Override
      protected void endOfInput() {
        WindowProbes.publish(sums);
      }
    }
  }
}
