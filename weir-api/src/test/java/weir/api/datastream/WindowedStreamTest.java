package weir.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.ReduceFunction;
import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;
import weir.api.graph.OneInputTransformation;
import weir.api.graph.OperatorSpec;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.graph.window.InternalWindowFunction.InternalWindowContext;
import weir.api.graph.window.WindowContents;
import weir.api.state.KeyedStateStore;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.GlobalWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.evictors.CountEvictor;
import weir.api.windowing.functions.ProcessAllWindowFunction;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.triggers.CountTrigger;
import weir.api.windowing.triggers.EventTimeTrigger;
import weir.api.windowing.triggers.PurgingTrigger;
import weir.api.windowing.windows.GlobalWindow;
import weir.api.windowing.windows.TimeWindow;

class WindowedStreamTest {

  record Bid(String auction, long price) {}

  static final class SumPrices implements ReduceFunction<Bid> {
    @Override
    public Bid reduce(Bid a, Bid b) {
      return new Bid(a.auction(), a.price() + b.price());
    }
  }

  /** Counts bids in a Long accumulator and reports the count as a Double. */
  static final class CountBids implements AggregateFunction<Bid, Long, Double> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Bid value, Long accumulator) {
      return accumulator + 1;
    }

    @Override
    public Double getResult(Long accumulator) {
      return accumulator.doubleValue();
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** An aggregate function whose accumulator type is a type variable: it cannot be derived. */
  static final class FirstBid<A> implements AggregateFunction<Bid, A, String> {
    @Override
    public A createAccumulator() {
      return null;
    }

    @Override
    public A add(Bid value, A accumulator) {
      return accumulator;
    }

    @Override
    public String getResult(A accumulator) {
      return String.valueOf(accumulator);
    }

    @Override
    public A merge(A a, A b) {
      return a;
    }
  }

  /** Emits "key@start:elements", and the window's end to a side output; records opens and closes. */
  static final class Describe<IN> extends ProcessWindowFunction<IN, String, String, TimeWindow> {
    static final OutputTag<Long> ENDS = OutputTag.of("ends", Long.class);
    int opened;
    int closed;

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      opened++;
    }

    @Override
    public void close() {
      closed++;
    }

    @Override
    public void process(String key, Context context, Iterable<IN> elements, Collector<String> out) {
      List<IN> all = new ArrayList<>();
      elements.forEach(all::add);
      out.collect(key + "@" + context.window().getStart() + ":" + all);
      context.output(ENDS, context.window().getEnd());
    }
  }

  static final class RichSum extends CountsOpenAndClose implements ReduceFunction<Bid> {
    @Override
    public Bid reduce(Bid a, Bid b) {
      return new Bid(a.auction(), a.price() + b.price());
    }
  }

  static final class HoldsAThread extends ProcessWindowFunction<Bid, String, String, TimeWindow> {
    private final Object connection = new Object();

    @Override
    public void process(String key, Context context, Iterable<Bid> elements, Collector<String> out) {
      out.collect(key + connection);
    }
  }

  static final class CountAll extends ProcessAllWindowFunction<Bid, Integer, GlobalWindow> {
    @Override
    public void process(Context context, Iterable<Bid> elements, Collector<Integer> out) {
      int n = 0;
      for (Bid ignored : elements) {
        n++;
      }
      out.collect(n);
    }
  }

  private final StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(4);

  private KeyedStream<Bid, String> bids() {
    return env.fromElements(new Bid("a", 1), new Bid("b", 2), new Bid("a", 3)).keyBy(Bid::auction);
  }

  private static OneInputTransformation<?, ?> transformationOf(DataStream<?> stream) {
    assertThat(stream.getTransformation()).isInstanceOf(OneInputTransformation.class);
    return (OneInputTransformation<?, ?>) stream.getTransformation();
  }

  private static OperatorSpec.Window specOf(DataStream<?> stream) {
    assertThat(transformationOf(stream).getOperation()).isInstanceOf(OperatorSpec.Window.class);
    return (OperatorSpec.Window) transformationOf(stream).getOperation();
  }

  @Test
  void when_reducingKeyedWindows_then_theGraphHasAWindowSpecWithAReducingContentsAndPassThrough() {
    KeyedStream<Bid, String> keyed = bids();
    TumblingEventTimeWindows assigner = TumblingEventTimeWindows.of(Duration.ofSeconds(5));
    SumPrices reducer = new SumPrices();
    DataStream<Bid> result = keyed.window(assigner).reduce(reducer);

    OneInputTransformation<?, ?> t = transformationOf(result);
    assertThat(t.getKeySelector()).isSameAs(keyed.getKeySelector());
    assertThat(t.getInputs()).containsExactly(keyed.getTransformation());
    assertThat(t.getOutputType()).isEqualTo(TypeInfo.of(Bid.class));
    assertThat(t.getName()).isEqualTo("Window(TumblingEventTimeWindows(5000), EventTimeTrigger(), Reduce)");

    OperatorSpec.Window spec = specOf(result);
    assertThat(spec.assigner()).isSameAs(assigner);
    assertThat(spec.trigger()).isInstanceOf(EventTimeTrigger.class);
    assertThat(spec.evictor()).isNull();
    assertThat(spec.allowedLatenessMillis()).isZero();
    assertThat(spec.lateDataTag()).isNull();
    assertThat(spec.contents()).isEqualTo(new WindowContents.Reduce(reducer));
    assertThat(spec.contentsType()).isEqualTo(TypeInfo.of(Bid.class));
    assertThat(spec.windowFunction()).hasToString("PassThrough");
    assertThat(spec.function()).isSameAs(spec);
  }

  @Test
  void when_settingTriggerEvictorLatenessAndLateTag_then_theSpecCarriesThemAndKeepsAllElements() {
    OutputTag<Bid> late = OutputTag.of("late", Bid.class);
    CountEvictor<TimeWindow> evictor = CountEvictor.of(10);
    PurgingTrigger<Object, TimeWindow> trigger = PurgingTrigger.of(CountTrigger.of(5));
    DataStream<Bid> result = bids()
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .trigger(trigger)
        .evictor(evictor)
        .allowedLateness(Duration.ofSeconds(2))
        .sideOutputLateData(late)
        .reduce(new SumPrices());

    OperatorSpec.Window spec = specOf(result);
    assertThat(spec.trigger()).isSameAs(trigger);
    assertThat(spec.evictor()).isSameAs(evictor);
    assertThat(spec.allowedLatenessMillis()).isEqualTo(2000);
    assertThat(spec.lateDataTag()).isEqualTo(late);
    assertThat(spec.contents()).isInstanceOf(WindowContents.Elements.class);
    assertThat(spec.contentsType()).isEqualTo(TypeInfo.of(Bid.class));
    assertThat(spec.windowFunction()).hasToString("Reduce, PassThrough");
    assertThat(result.getSideOutput(late).getType()).isEqualTo(TypeInfo.of(Bid.class));
  }

  @Test
  void when_aggregating_then_contentsTypeIsTheAccumulatorAndOutputTypeTheResult() {
    CountBids counter = new CountBids();
    DataStream<Double> result = bids().window(TumblingEventTimeWindows.of(Duration.ofSeconds(5))).aggregate(counter);

    OperatorSpec.Window spec = specOf(result);
    assertThat(spec.contents()).isEqualTo(new WindowContents.Aggregate(counter));
    assertThat(spec.contentsType()).isEqualTo(TypeInfo.of(Long.class));
    assertThat(result.getType()).isEqualTo(TypeInfo.of(Double.class));
  }

  @Test
  void when_accumulatorTypeCannotBeDerived_then_contentsTypeIsUnknown() {
    DataStream<String> result = bids()
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .aggregate(new FirstBid<Integer>());
    assertThat(specOf(result).contentsType().isUnknown()).isTrue();
  }

  @Test
  void when_aggregatingWithAProcessWindowFunction_then_itsResultIsHandedOverAsOneElement() throws Exception {
    DataStream<String> result = bids()
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .aggregate(new CountBids(), new Describe<Double>());
    OperatorSpec.Window spec = specOf(result);
    assertThat(result.getType()).isEqualTo(TypeInfo.of(String.class));
    assertThat(spec.windowFunction()).hasToString("Process");

    FakeWindowContext context = new FakeWindowContext();
    List<String> out = new ArrayList<>();
    process(spec.windowFunction(), "a", new TimeWindow(5000, 10000), context, 2.0, out);
    assertThat(out).containsExactly("a@5000:[2.0]");
    assertThat(context.sideOutput).containsExactly(10000L);
  }

  @Test
  void when_processingAllElementsOfAnEvictingWindowWithAggregate_then_theAggregateRunsOverTheElements()
      throws Exception {
    DataStream<String> result = bids()
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .evictor(CountEvictor.of(2))
        .aggregate(new CountBids(), new Describe<Double>());
    OperatorSpec.Window spec = specOf(result);
    assertThat(spec.contents()).isInstanceOf(WindowContents.Elements.class);
    assertThat(spec.contentsType()).isEqualTo(TypeInfo.of(Bid.class));

    List<String> out = new ArrayList<>();
    process(spec.windowFunction(), "b", new TimeWindow(0, 5000), new FakeWindowContext(),
        List.of(new Bid("b", 1), new Bid("b", 2), new Bid("b", 3)), out);
    assertThat(out).containsExactly("b@0:[3.0]");
  }

  @Test
  void when_processingAllElements_then_contentsAreTheElements() throws Exception {
    DataStream<String> result = bids()
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .process(new Describe<Bid>());
    OperatorSpec.Window spec = specOf(result);
    assertThat(spec.contents()).isInstanceOf(WindowContents.Elements.class);
    assertThat(result.getType()).isEqualTo(TypeInfo.of(String.class));

    List<String> out = new ArrayList<>();
    process(spec.windowFunction(), "a", new TimeWindow(0, 5000), new FakeWindowContext(),
        List.of(new Bid("a", 1), new Bid("a", 3)), out);
    assertThat(out).containsExactly("a@0:[Bid[auction=a, price=1], Bid[auction=a, price=3]]");
  }

  @Test
  void when_applyingALambdaWindowFunction_then_theOutputTypeIsLeftToRunTime() throws Exception {
    DataStream<Long> result = bids()
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .apply((String key, TimeWindow window, Iterable<Bid> input, Collector<Long> out) -> out.collect(window.getEnd()));
    assertThat(result.getType().isUnknown()).isTrue();
    List<Long> out = new ArrayList<>();
    process(specOf(result).windowFunction(), "a", new TimeWindow(0, 5000), new FakeWindowContext(), List.of(), out);
    assertThat(out).containsExactly(5000L);
  }

  @Test
  void when_summingAField_then_theWindowReducesWithAFieldReducer() throws Exception {
    DataStream<Bid> result = bids().window(TumblingEventTimeWindows.of(Duration.ofSeconds(5))).sum("price");
    OperatorSpec.Window spec = specOf(result);
    assertThat(transformationOf(result).getName()).endsWith("Sum(price))");
    @SuppressWarnings("unchecked")
    ReduceFunction<Bid> reducer = (ReduceFunction<Bid>) ((WindowContents.Reduce) spec.contents()).function();
    assertThat(reducer.reduce(new Bid("a", 1), new Bid("a", 3))).isEqualTo(new Bid("a", 4));
    assertThat(result.getType()).isEqualTo(TypeInfo.of(Bid.class));
  }

  @Test
  void when_windowFunctionIsNotSerializable_then_buildingFailsNamingItAndTheField() {
    var windowed = bids().window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)));
    assertThatThrownBy(() -> windowed.reduce(new SumPrices(), new HoldsAThread()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("window function of operator 'Window(")
        .hasMessageContaining("field 'connection'")
        .hasMessageContaining(HoldsAThread.class.getName());
  }

  @Test
  void when_reduceFunctionCapturesSomethingNotSerializable_then_buildingFailsNamingTheReduceFunction() {
    Object lock = new Object();
    var windowed = bids().window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)));
    assertThatThrownBy(() -> windowed.reduce((a, b) -> lock.hashCode() > 0 ? a : b))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("reduce function of operator 'Window(")
        .hasMessageContaining("capturedArg0");
  }

  @Test
  void when_mergingAssignerGetsATriggerThatCannotMerge_then_settingItFails() {
    var sessions = bids().window(EventTimeSessionWindows.withGap(Duration.ofMinutes(1)));
    assertThatThrownBy(() -> sessions.trigger(PurgingTrigger.of(new NonMergingTrigger())))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("EventTimeSessionWindows");
  }

  @Test
  void when_latenessIsNegative_then_settingItFails() {
    var windowed = bids().window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)));
    assertThatThrownBy(() -> windowed.allowedLateness(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void when_theSpecIsOpenedAndClosed_then_everyRichUserFunctionIsToo() throws Exception {
    RichSum reducer = new RichSum();
    Describe<Bid> function = new Describe<>();
    OperatorSpec.Window spec = specOf(bids()
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .reduce(reducer, function));

    RuntimeContext context = runtimeContext();
    ((RichFunction) spec.function()).open(context);
    assertThat(reducer.opened).isEqualTo(1);
    assertThat(function.opened).isEqualTo(1);
    assertThat(function.getRuntimeContext()).isSameAs(context);
    ((RichFunction) spec.function()).close();
    assertThat(reducer.closed).isEqualTo(1);
    assertThat(function.closed).isEqualTo(1);
  }

  @Test
  void when_anEvictingSpecIsOpened_then_theReduceFunctionInsideTheWindowFunctionIsOpened() throws Exception {
    RichSum reducer = new RichSum();
    OperatorSpec.Window spec = specOf(bids()
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .evictor(CountEvictor.of(3))
        .reduce(reducer));
    ((RichFunction) spec.function()).open(runtimeContext());
    ((RichFunction) spec.function()).close();
    assertThat(reducer.opened).isEqualTo(1);
    assertThat(reducer.closed).isEqualTo(1);
  }

  @Test
  void when_theSpecTravelsThroughJavaSerialization_then_theCopyWorksOnItsOwn() throws Exception {
    OperatorSpec.Window spec = specOf(bids()
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .reduce(new SumPrices(), new Describe<Bid>()));
    OperatorSpec.Window copy = javaRoundTrip(spec);
    assertThat(copy.assigner()).hasToString(spec.assigner().toString());
    ((RichFunction) copy.function()).open(runtimeContext());
    List<String> out = new ArrayList<>();
    process(copy.windowFunction(), "a", new TimeWindow(0, 5000), new FakeWindowContext(), new Bid("a", 4), out);
    assertThat(out).containsExactly("a@0:[Bid[auction=a, price=4]]");
  }

  @Test
  void when_windowingAll_then_theOperatorIsKeyedByAConstantWithParallelismOne() {
    DataStream<Integer> result = env.fromElements(new Bid("a", 1), new Bid("b", 2))
        .windowAll(GlobalWindows.create())
        .trigger(CountTrigger.of(2))
        .process(new CountAll());

    OneInputTransformation<?, ?> t = transformationOf(result);
    assertThat(t.getParallelism()).isEqualTo(1);
    assertThat(t.getName()).startsWith("WindowAll(GlobalWindows(), CountTrigger(2), Process");
    assertThat(t.getKeySelector()).isInstanceOf(ConstantKeySelector.class);
    assertThat(result.getType()).isEqualTo(TypeInfo.of(Integer.class));
    assertThat(result.setParallelism(1)).isSameAs(result);
    assertThatThrownBy(() -> result.setParallelism(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism 1");
  }

  @Test
  void when_windowingAllWithReduce_then_theKeyIsConstantAndTheReduceIncremental() throws Exception {
    DataStream<Bid> result = env.fromElements(new Bid("a", 1), new Bid("b", 2))
        .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .maxBy("price");
    OperatorSpec.Window spec = specOf(result);
    assertThat(spec.contents()).isInstanceOf(WindowContents.Reduce.class);
    assertThat(transformationOf(result).getParallelism()).isEqualTo(1);
    @SuppressWarnings("unchecked")
    var selector = (weir.api.functions.KeySelector<Bid, Byte>) transformationOf(result).getKeySelector();
    assertThat(selector.getKey(new Bid("a", 1))).isEqualTo(selector.getKey(new Bid("z", 9)));
  }

  // ---- helpers ----

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <OUT> void process(InternalWindowFunction<?, ?, ?, ?> function, Object key, weir.api.windowing.windows.Window window,
      InternalWindowContext context, Object input, List<OUT> out) throws Exception {
    ((InternalWindowFunction) function).process(key, window, context, input, (Collector<OUT>) out::add);
  }

  static RuntimeContext runtimeContext() {
    return (RuntimeContext) Proxy.newProxyInstance(RuntimeContext.class.getClassLoader(),
        new Class<?>[] {RuntimeContext.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException(method.getName());
        });
  }

  @SuppressWarnings("unchecked")
  static <T> T javaRoundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  static final class FakeWindowContext implements InternalWindowContext {
    final List<Object> sideOutput = new ArrayList<>();

    @Override
    public long currentProcessingTime() {
      return 0;
    }

    @Override
    public long currentWatermark() {
      return Long.MIN_VALUE;
    }

    @Override
    public KeyedStateStore windowState() {
      throw new UnsupportedOperationException();
    }

    @Override
    public KeyedStateStore globalState() {
      throw new UnsupportedOperationException();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      sideOutput.add(value);
    }
  }

  static final class NonMergingTrigger extends weir.api.windowing.triggers.Trigger<Object, TimeWindow> {
    @Override
    public weir.api.windowing.triggers.TriggerResult onElement(
        Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
      return weir.api.windowing.triggers.TriggerResult.FIRE;
    }

    @Override
    public weir.api.windowing.triggers.TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
      return weir.api.windowing.triggers.TriggerResult.CONTINUE;
    }

    @Override
    public weir.api.windowing.triggers.TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
      return weir.api.windowing.triggers.TriggerResult.CONTINUE;
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) {}
  }
}
