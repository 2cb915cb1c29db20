package weir.bench.jmh;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import weir.api.connector.sink.SinkWriter;
import weir.api.functions.Collector;
import weir.api.functions.FilterFunction;
import weir.api.functions.KeySelector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.SerializerConfig;
import weir.runtime.operators.FilterOperator;
import weir.runtime.operators.KeyedProcessOperator;
import weir.runtime.operators.MapOperator;
import weir.runtime.operators.OneInputOperator;
import weir.runtime.operators.OperatorContext;
import weir.runtime.operators.Operators;
import weir.runtime.operators.ProcessingTimeService;
import weir.runtime.time.ProcessingTimers;
import weir.runtime.time.RecordTimestamp;
import weir.runtime.operators.SinkOperator;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.KeyGroups;
import weir.runtime.state.OperatorStateBackend;
import weir.runtime.state.WatermarkClock;
import weir.runtime.task.TaskRuntimeContext;

/**
 * The engine's cost per record on the two record paths of the foundation benchmark, without
 * sources, exchanges or user-type boxing: a chained map → filter → sink, and a keyed process
 * function that reads and writes value state per record. Inputs are boxed once up front and the
 * functions return their input, so whatever {@code -prof gc} reports per operation is allocated
 * by the engine (the gate is about 0 B/op):
 *
 * <pre>
 * java -cp weir-bench/target/classes:$(cat weir-bench/target/classpath.txt) \
 *     org.openjdk.jmh.Main RecordPathBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecordPathBenchmark {
  private static final int BATCH = 1024;
  private static final int MAX_PARALLELISM = 128;

  private final Long[] records = new Long[BATCH];
  private OneInputOperator<Long> chain;
  private OneInputOperator<Long> keyed;

  /** Counts what reaches the sink, so the JIT cannot drop the chain. */
  private static final class CountingWriter implements SinkWriter<Long> {
    long count;

    @Override
    public void write(Long element) {
      count++;
    }

    @Override
    public void flush(boolean endOfInput) {}
  }

  /** Flips a flag per key: a state read and write per record, with values that box for free. */
  private static final class FlipFlag extends KeyedProcessFunction<Long, Long, Long> {
    private transient ValueState<Boolean> flag;

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      flag = context.getState(new ValueStateDescriptor<>("flag", Boolean.class));
    }

    @Override
    public void processElement(Long value, Context<Long> ctx, Collector<Long> out) {
      Boolean current = flag.value();
      flag.update(current == null || !current);
      out.collect(value);
    }
  }

  @Setup
  public void setUp() throws Exception {
    for (int i = 0; i < BATCH; i++) {
      records[i] = (long) i * 7919;
    }
    OneInputOperator<Long> sink = Operators.create(SinkOperator.class, "sink", new CountingWriter());
    MapFunction<Long, Long> identity = x -> x;
    FilterFunction<Long> even = x -> (x & 1) == 0;
    OneInputOperator<Long> filter = Operators.create(FilterOperator.class, even, context("filter", null),
        Operators.chainingOutput(sink));
    chain = Operators.create(MapOperator.class, identity, context("map", null), Operators.chainingOutput(filter));
    chain.open();

    HeapKeyedStateBackend state = new HeapKeyedStateBackend("flip", KeyGroups.rangeOf(0, MAX_PARALLELISM, 1),
        MAX_PARALLELISM, new SerializerConfig(), ProcessingTimeService.SYSTEM::currentProcessingTime,
        new WatermarkClock());
    KeySelector<Long, Long> key = x -> x;
    OneInputOperator<Long> keyedSink = Operators.create(SinkOperator.class, "sink", new CountingWriter());
    keyed = Operators.create(KeyedProcessOperator.class, new FlipFlag(), key, context("flip", state),
        Operators.chainingOutput(keyedSink));
    keyed.open();
  }

  private static OperatorContext context(String name, HeapKeyedStateBackend state) {
    TaskRuntimeContext rc = new TaskRuntimeContext("bench", name, 0, 1, MAX_PARALLELISM, 0, new HashMap<>(), state);
    OperatorStateBackend operatorState = new OperatorStateBackend(name, new SerializerConfig(), 0, OptionalLong.empty(),
        Map.of());
    return new OperatorContext(name, rc, state, operatorState, ProcessingTimeService.SYSTEM, new RecordTimestamp(),
        new ProcessingTimers(), 0);
  }

  /** map → filter → sink, chained. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void chainedMapFilterSink(Blackhole bh) throws Exception {
    for (Long record : records) {
      chain.processElement(record);
    }
  }

  /** keyBy target: set key, read and write value state, emit. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void keyedValueState(Blackhole bh) throws Exception {
    for (Long record : records) {
      keyed.processElement(record);
    }
  }
}
