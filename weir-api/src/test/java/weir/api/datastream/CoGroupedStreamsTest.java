package weir.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static weir.api.datastream.WindowedStreamTest.javaRoundTrip;
import static weir.api.datastream.WindowedStreamTest.process;
import static weir.api.datastream.WindowedStreamTest.runtimeContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.functions.CoGroupFunction;
import weir.api.functions.Collector;
import weir.api.functions.KeySelector;
import weir.api.functions.RichFunction;
import weir.api.graph.OneInputTransformation;
import weir.api.graph.OperatorSpec;
import weir.api.graph.PartitionTransformation;
import weir.api.graph.Partitioning;
import weir.api.graph.Transformation;
import weir.api.graph.UnionTransformation;
import weir.api.graph.window.WindowContents;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.evictors.CountEvictor;
import weir.api.windowing.triggers.CountTrigger;
import weir.api.windowing.triggers.PurgingTrigger;
import weir.api.windowing.windows.TimeWindow;

/**
 * The job graph a window coGroup builds (tagging, union, keying, a window operator that keeps all
 * elements), what its window function does with a window's records, and the build-time errors.
 */
class CoGroupedStreamsTest {
  record Order(String id, long amount) {}

  record Payment(String orderId, long amount) {}

  /** Emits "orders|payments" per window; counts opens and closes. */
  static final class Describe extends CountsOpenAndClose implements CoGroupFunction<Order, Payment, String> {
    @Override
    public void coGroup(Iterable<Order> orders, Iterable<Payment> payments, Collector<String> out) {
      List<Object> o = new ArrayList<>();
      orders.forEach(o::add);
      List<Object> p = new ArrayList<>();
      payments.forEach(p::add);
      out.collect(o + "|" + p);
    }
  }

  /** A coGroup function that holds something that does not serialize. */
  static final class HoldsAThread implements CoGroupFunction<Order, Payment, String> {
    private final Object connection = new Object();

    @Override
    public void coGroup(Iterable<Order> orders, Iterable<Payment> payments, Collector<String> out) {
      out.collect(connection.toString());
    }
  }

  final StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(4);

  DataStream<Order> orders() {
    return env.fromElements(new Order("a", 10), new Order("b", 20)).name("orders");
  }

  DataStream<Payment> payments() {
    return env.fromElements(new Payment("a", 10)).name("payments");
  }

  CoGroupedStreams.WithWindow<Order, Payment, String, TimeWindow> tumbling() {
    return orders().coGroup(payments()).where(Order::id).equalTo(Payment::orderId)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)));
  }

  static OneInputTransformation<?, ?> transformationOf(DataStream<?> stream) {
    assertThat(stream.getTransformation()).isInstanceOf(OneInputTransformation.class);
    return (OneInputTransformation<?, ?>) stream.getTransformation();
  }

  static OperatorSpec.Window specOf(DataStream<?> stream) {
    assertThat(transformationOf(stream).getOperation()).isInstanceOf(OperatorSpec.Window.class);
    return (OperatorSpec.Window) transformationOf(stream).getOperation();
  }

  @Test
  void when_coGrouping_then_bothInputsAreTaggedUnitedKeyedAndWindowedKeepingAllElements() {
    DataStream<Order> orders = orders();
    DataStream<Payment> payments = payments();
    DataStream<String> result = orders.coGroup(payments).where(Order::id).equalTo(Payment::orderId)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .apply(new Describe());

    OneInputTransformation<?, ?> window = transformationOf(result);
    assertThat(window.getName()).isEqualTo("Window(TumblingEventTimeWindows(5000), EventTimeTrigger(), CoGroup)");
    assertThat(window.getKeySelector()).isInstanceOf(UnionKeySelector.class);
    assertThat(result.getType()).isEqualTo(TypeInfo.of(String.class));

    assertThat(window.getInput()).isInstanceOf(PartitionTransformation.class);
    var keyBy = (PartitionTransformation<?>) window.getInput();
    assertThat(keyBy.getPartitioning()).isInstanceOf(Partitioning.Keyed.class);
    assertThat(keyBy.getInput()).isInstanceOf(UnionTransformation.class);
    List<Transformation<?>> tags = keyBy.getInput().getInputs();
    assertThat(tags).hasSize(2);
    assertThat(tags).extracting(Transformation::getName).containsExactly("Tag left", "Tag right");
    assertThat(tags.get(0).getInputs()).containsExactly(orders.getTransformation());
    assertThat(tags.get(1).getInputs()).containsExactly(payments.getTransformation());
    assertThat(tags.get(0).getOutputType()).isEqualTo(tags.get(1).getOutputType());

    OperatorSpec.Window spec = specOf(result);
    assertThat(spec.contents()).isInstanceOf(WindowContents.Elements.class);
    assertThat(spec.contentsType()).isEqualTo(tags.get(0).getOutputType());
    assertThat(spec.contentsType().createSerializer(env.getConfig().getSerializerConfig()))
        .isInstanceOf(TaggedUnionSerializer.class);
    assertThat(spec.evictor()).isNull();
    assertThat(spec.allowedLatenessMillis()).isZero();
  }

  @Test
  void when_theUnionKeySelectorKeysARecord_then_itUsesTheKeySelectorOfTheRecordsSide() throws Exception {
    @SuppressWarnings("unchecked")
    var keys = (KeySelector<TaggedUnion<Order, Payment>, String>) transformationOf(tumbling().apply(new Describe()))
        .getKeySelector();

    assertThat(keys.getKey(TaggedUnion.ofLeft(new Order("x", 1)))).isEqualTo("x");
    assertThat(keys.getKey(TaggedUnion.ofRight(new Payment("y", 1)))).isEqualTo("y");
  }

  @Test
  void when_aWindowFires_then_theFunctionGetsItsRecordsSplitBySideAlsoWhenOneSideIsEmpty() throws Exception {
    OperatorSpec.Window spec = specOf(tumbling().apply(new Describe()));
    TimeWindow window = new TimeWindow(0, 5000);
    List<String> out = new ArrayList<>();

    process(spec.windowFunction(), "a", window, new WindowedStreamTest.FakeWindowContext(), List.of(
        TaggedUnion.ofLeft(new Order("a", 1)), TaggedUnion.ofRight(new Payment("a", 2)),
        TaggedUnion.ofLeft(new Order("a", 3))), out);
    process(spec.windowFunction(), "b", window, new WindowedStreamTest.FakeWindowContext(), List.of(
        TaggedUnion.ofLeft(new Order("b", 4))), out);
    process(spec.windowFunction(), "c", window, new WindowedStreamTest.FakeWindowContext(), List.of(
        TaggedUnion.ofRight(new Payment("c", 5))), out);

    assertThat(out).containsExactly(
        "[Order[id=a, amount=1], Order[id=a, amount=3]]|[Payment[orderId=a, amount=2]]",
        "[Order[id=b, amount=4]]|[]",
        "[]|[Payment[orderId=c, amount=5]]");
  }

  @Test
  void when_settingTriggerEvictorAndLateness_then_theSpecCarriesThem() {
    PurgingTrigger<Object, TimeWindow> trigger = PurgingTrigger.of(CountTrigger.of(3));
    CountEvictor<TimeWindow> evictor = CountEvictor.of(10);
    DataStream<String> result = tumbling()
        .trigger(trigger)
        .evictor(evictor)
        .allowedLateness(Duration.ofMillis(1500))
        .apply(new Describe());

    OperatorSpec.Window spec = specOf(result);
    assertThat(spec.trigger()).isSameAs(trigger);
    assertThat(spec.evictor()).isSameAs(evictor);
    assertThat(spec.allowedLatenessMillis()).isEqualTo(1500);
    assertThat(transformationOf(result).getName())
        .isEqualTo("Window(TumblingEventTimeWindows(5000), PurgingTrigger(CountTrigger(3)), CountEvictor(10), CoGroup)");
  }

  @Test
  void when_theSpecIsOpenedAndClosed_then_theRichCoGroupFunctionIsToo() throws Exception {
    Describe function = new Describe();
    assertOpenedAndClosedWithTheSpec(tumbling().apply(function), function);
  }

  @Test
  void when_theSpecAndKeySelectorTravelThroughJavaSerialization_then_theCopiesWork() throws Exception {
    DataStream<String> result = orders().coGroup(payments()).where(Order::id).equalTo(Payment::orderId)
        .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .apply(new Describe());
    OperatorSpec.Window spec = javaRoundTrip(specOf(result));
    KeySelector<TaggedUnion<Order, Payment>, String> keys = javaRoundTrip(unionKeys(result));

    List<String> out = new ArrayList<>();
    process(spec.windowFunction(), "a", new TimeWindow(0, 10_000), new WindowedStreamTest.FakeWindowContext(),
        List.of(TaggedUnion.ofRight(new Payment("a", 2))), out);
    assertThat(out).containsExactly("[]|[Payment[orderId=a, amount=2]]");
    assertThat(keys.getKey(TaggedUnion.ofRight(new Payment("z", 1)))).isEqualTo("z");
    assertThat(spec.contentsType()).isEqualTo(specOf(result).contentsType());
  }

  @Test
  void when_aLambdaCoGroupFunctionIsApplied_then_theOutputTypeIsLeftToRunTimeOrDeclared() {
    DataStream<Long> erased = tumbling().apply((orders, payments, out) -> out.collect(1L));
    assertThat(erased.getType().isUnknown()).isTrue();

    DataStream<Long> declared = tumbling().<Long>apply((orders, payments, out) -> out.collect(1L)).returns(Long.class);
    assertThat(declared.getType()).isEqualTo(TypeInfo.of(Long.class));
  }

  @Test
  void when_anInputsTypeIsUnknown_then_theWindowKeepsObjectsOfUnknownType() {
    DataStream<Object> unknown = orders().flatMap((Order o, Collector<Object> out) -> out.collect(o.id()));
    assertThat(unknown.getType().isUnknown()).isTrue();
    DataStream<String> result = unknown.coGroup(payments()).where(Object::toString).equalTo(Payment::orderId)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .apply((objects, payments, out) -> out.collect("x"));

    assertThat(specOf(result).contentsType().isUnknown()).isTrue();
  }

  @Test
  void when_theKeyTypesDiffer_then_buildingFailsNamingBothInputsAndTypes() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    var where = (CoGroupedStreams.Where) orders().coGroup(payments()).where(Order::amount);
    KeySelector<Payment, String> byOrder = Payment::orderId;

    assertThatThrownBy(() -> where.equalTo(byOrder))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("The window coGroup of 'orders' and 'payments'")
        .hasMessageContaining("'orders' is keyed by java.lang.Long")
        .hasMessageContaining("'payments' by java.lang.String");
  }

  @Test
  void when_aKeySelectorIsNotSerializable_then_buildingFailsNamingIt() {
    Object lock = new Object();
    var coGroup = orders().coGroup(payments());
    assertThatThrownBy(() -> coGroup.where(o -> o.id() + lock.hashCode()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("key selector of where(...) of the window coGroup of 'orders' and 'payments'");

    var where = coGroup.where(Order::id);
    assertThatThrownBy(() -> where.equalTo(p -> p.orderId() + lock.hashCode()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("key selector of equalTo(...) of the window coGroup");
  }

  @Test
  void when_theFunctionIsNotSerializable_then_buildingFailsNamingItAndTheField() {
    var windowed = tumbling();
    assertThatThrownBy(() -> windowed.apply(new HoldsAThread()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("coGroup function of the window coGroup of 'orders' and 'payments'")
        .hasMessageContaining("field 'connection'");
  }

  @Test
  void when_aMergingAssignerGetsATriggerThatCannotMerge_then_settingItFails() {
    var sessions = orders().coGroup(payments()).where(Order::id).equalTo(Payment::orderId)
        .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(1)));
    assertThatThrownBy(() -> sessions.trigger(new WindowedStreamTest.NonMergingTrigger()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("EventTimeSessionWindows");
  }

  @Test
  void when_latenessIsNegative_then_settingItFails() {
    var windowed = tumbling();
    assertThatThrownBy(() -> windowed.allowedLateness(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void when_theInputsComeFromTwoEnvironments_then_buildingFails() {
    DataStream<Payment> elsewhere = StreamExecutionEnvironment.createEmbeddedEnvironment(1)
        .fromElements(new Payment("a", 1)).name("elsewhere");
    DataStream<Order> orders = orders();
    assertThatThrownBy(() -> orders.coGroup(elsewhere))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'orders' and 'elsewhere'")
        .hasMessageContaining("two execution environments");
  }

  @Test
  void when_anInputHasItsOwnParallelism_then_itsTaggingHasItToo() {
    DataStream<Order> orders = orders().map(o -> o).setParallelism(3);
    DataStream<String> result = orders.coGroup(payments()).where(Order::id).equalTo(Payment::orderId)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .apply(new Describe());

    List<Transformation<?>> tags = transformationOf(result).getInput().getInputs().get(0).getInputs();
    assertThat(tags.get(0).getParallelism()).isEqualTo(3);
    assertThat(tags.get(1).getParallelism()).isEqualTo(payments().getTransformation().getParallelism());
  }

  /** Opens and closes the window spec of {@code result} and checks that this opened and closed {@code function}. */
  static void assertOpenedAndClosedWithTheSpec(DataStream<?> result, CountsOpenAndClose function) throws Exception {
    RichFunction spec = (RichFunction) specOf(result).function();
    spec.open(runtimeContext());
    spec.close();
    assertThat(function.opened).isEqualTo(1);
    assertThat(function.closed).isEqualTo(1);
  }

  @SuppressWarnings("unchecked")
  static <L, R> KeySelector<TaggedUnion<L, R>, String> unionKeys(DataStream<?> result) {
    return (KeySelector<TaggedUnion<L, R>, String>) transformationOf(result).getKeySelector();
  }
}
