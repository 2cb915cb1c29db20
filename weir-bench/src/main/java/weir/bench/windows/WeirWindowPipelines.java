package weir.bench.windows;

import java.io.Serializable;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;
import weir.api.datastream.KeyedStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.datastream.WindowedStream;
import weir.api.eventtime.SerializableTimestampAssigner;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.windows.TimeWindow;
import weir.api.typeinfo.TypeInfo;
import weir.bench.source.WeirIndexedSource;

/**
 * The window benchmark on Weir's embedded engine, the same job as {@link FlinkWindowPipelines}:
 *
 * <pre>
 * fromSource(WeirIndexedSource, forBoundedOutOfOrderness(1 s) + timestamp assigner)
 *   → keyBy(key) → window(sliding 10 s / 1 s | session gap 5 s)
 *   → aggregate(count, emit (key, window end, count)) → checksum sink
 * </pre>
 *
 * <p>Written as a user would: a record per event, lambdas for key and timestamp, and an
 * aggregate whose accumulator is a {@code Long}.
 */
public final class WeirWindowPipelines implements WindowPipelineRunner {
  /** One event: its key and event timestamp. */
  public record Event(long key, long timestamp) implements Serializable {}

  /** A window's result. */
  public record Count(long key, long windowEnd, long count) implements Serializable {}

  @Override
  public WindowRunResult run(WindowEvents events, int parallelism) throws Exception {
    WindowProbes.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    KeyedStream<Event, Long> keyed = env.fromSource(
            new WeirIndexedSource<>(i -> new Event(events.key(i), events.timestamp(i)), events.records(), 0),
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(WindowEvents.OUT_OF_ORDERNESS)
                .withTimestampAssigner(new EventTimestamp()), TypeInfo.of(Event.class), "events")
        .keyBy(Event::key);
    WindowedStream<Event, Long, TimeWindow> windowed = switch (events.workload()) {
      case SLIDING -> keyed.window(SlidingEventTimeWindows.of(Workload.SLIDING_SIZE, Workload.SLIDING_SLIDE));
      case SESSION -> keyed.window(EventTimeSessionWindows.withGap(Workload.SESSION_GAP));
    };
    windowed.aggregate(new CountEvents(), new EmitCount())
        .name("count-" + events.workload().label())
        .sinkTo(new ChecksumSink());

    long executeCalled = System.nanoTime();
    env.execute("windows-" + events.workload().label());
    return WindowProbes.result(events, executeCalled);
  }

  /** Reads the event's timestamp; stamps the first event of its source subtask. */
  private static final class EventTimestamp implements SerializableTimestampAssigner<Event> {
    private static final long serialVersionUID = 1L;
    private transient boolean seen;

    @Override
    public long extractTimestamp(Event event, long recordTimestamp) {
      if (!seen) {
        seen = true;
        WindowProbes.markFirstRecord();
      }
      return event.timestamp();
    }
  }

  private static final class CountEvents implements AggregateFunction<Event, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Event event, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  private static final class EmitCount extends ProcessWindowFunction<Long, Count, Long, TimeWindow> {
    @Override
    public void process(Long key, Context context, Iterable<Long> counts, Collector<Count> out) {
      out.collect(new Count(key, context.window().getEnd(), counts.iterator().next()));
    }
  }

  /** Folds each result into a {@link ResultChecksum}, published at the end of input. */
  private static final class ChecksumSink implements Sink<Count> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<Count> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        private final ResultChecksum sums = new ResultChecksum();

        @Override
        public void write(Count result) {
          sums.add(result.key(), result.windowEnd(), result.count());
        }

        @Override
        public void flush(boolean endOfInput) {
          if (endOfInput) {
            WindowProbes.publish(sums);
          }
        }
      };
    }
  }
}
