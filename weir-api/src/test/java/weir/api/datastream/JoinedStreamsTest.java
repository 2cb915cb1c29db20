package weir.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static weir.api.datastream.CoGroupedStreamsTest.specOf;
import static weir.api.datastream.CoGroupedStreamsTest.transformationOf;
import static weir.api.datastream.WindowedStreamTest.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.datastream.CoGroupedStreamsTest.Order;
import weir.api.datastream.CoGroupedStreamsTest.Payment;
import weir.api.functions.Collector;
import weir.api.functions.FlatJoinFunction;
import weir.api.functions.JoinFunction;
import weir.api.functions.KeySelector;
import weir.api.graph.OperatorSpec;
import weir.api.graph.window.WindowContents;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.evictors.CountEvictor;
import weir.api.windowing.triggers.CountTrigger;
import weir.api.windowing.windows.TimeWindow;

/** A window join is a window coGroup that emits the cross product of each window's two sides. */
class JoinedStreamsTest {
  /** Joins a pair into "order+payment"; counts opens and closes. */
  static final class Pair extends CountsOpenAndClose implements JoinFunction<Order, Payment, String> {
    @Override
    public String join(Order order, Payment payment) {
      return order.amount() + "+" + payment.amount();
    }
  }

  /** Emits the pair only when the payment covers the order, as a Long difference. */
  static final class Covered implements FlatJoinFunction<Order, Payment, Long> {
    @Override
    public void join(Order order, Payment payment, Collector<Long> out) {
      if (payment.amount() >= order.amount()) {
        out.collect(payment.amount() - order.amount());
      }
    }
  }

  private final CoGroupedStreamsTest inputs = new CoGroupedStreamsTest();

  private JoinedStreams.WithWindow<Order, Payment, String, TimeWindow> tumbling() {
    return inputs.orders().join(inputs.payments()).where(Order::id).equalTo(Payment::orderId)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)));
  }

  private static final List<TaggedUnion<Order, Payment>> TWO_BY_TWO = List.of(
      TaggedUnion.ofLeft(new Order("a", 1)), TaggedUnion.ofRight(new Payment("a", 10)),
      TaggedUnion.ofLeft(new Order("a", 2)), TaggedUnion.ofRight(new Payment("a", 20)));

  @Test
  void when_joiningWithAJoinFunction_then_theGraphIsACoGroupNamedJoinWithTheFunctionsOutputType() {
    DataStream<String> result = tumbling().apply(new Pair());

    assertThat(transformationOf(result).getName())
        .isEqualTo("Window(TumblingEventTimeWindows(5000), EventTimeTrigger(), Join)");
    assertThat(transformationOf(result).getKeySelector()).isInstanceOf(UnionKeySelector.class);
    assertThat(result.getType()).isEqualTo(TypeInfo.of(String.class));
    assertThat(specOf(result).contents()).isInstanceOf(WindowContents.Elements.class);
  }

  @Test
  void when_aWindowFires_then_everyPairOfItsTwoSidesIsJoined() throws Exception {
    List<String> out = new ArrayList<>();
    process(specOf(tumbling().apply(new Pair())).windowFunction(), "a", new TimeWindow(0, 5000),
        new WindowedStreamTest.FakeWindowContext(), TWO_BY_TWO, out);

    assertThat(out).containsExactlyInAnyOrder("1+10", "1+20", "2+10", "2+20");
  }

  @Test
  void when_oneSideOfAWindowIsEmpty_then_nothingIsJoined() throws Exception {
    OperatorSpec.Window spec = specOf(tumbling().apply(new Pair()));
    List<String> out = new ArrayList<>();
    process(spec.windowFunction(), "a", new TimeWindow(0, 5000), new WindowedStreamTest.FakeWindowContext(),
        List.of(TaggedUnion.ofLeft(new Order("a", 1)), TaggedUnion.ofLeft(new Order("a", 2))), out);
    process(spec.windowFunction(), "b", new TimeWindow(0, 5000), new WindowedStreamTest.FakeWindowContext(),
        List.of(TaggedUnion.ofRight(new Payment("b", 1))), out);

    assertThat(out).isEmpty();
  }

  @Test
  void when_joiningWithAFlatJoinFunction_then_itMayEmitAnyNumberPerPair() throws Exception {
    DataStream<Long> result = tumbling().apply(new Covered());
    assertThat(result.getType()).isEqualTo(TypeInfo.of(Long.class));
    assertThat(transformationOf(result).getName()).endsWith(", FlatJoin)");

    List<Long> out = new ArrayList<>();
    process(specOf(result).windowFunction(), "a", new TimeWindow(0, 5000),
        new WindowedStreamTest.FakeWindowContext(), TWO_BY_TWO, out);
    assertThat(out).containsExactlyInAnyOrder(9L, 19L, 8L, 18L);
  }

  @Test
  void when_joiningWithLambdas_then_aJoinFunctionsTypeIsDerivedAndAFlatOnesDeclaredWithReturns() {
    DataStream<String> joined = tumbling().apply((order, payment) -> order.id() + payment.orderId());
    assertThat(joined.getType()).isEqualTo(TypeInfo.of(String.class));

    DataStream<Long> flat = tumbling().apply((order, payment, out) -> out.collect(order.amount()));
    assertThat(flat.getType().isUnknown()).isTrue();
    assertThat(flat.returns(Long.class).getType()).isEqualTo(TypeInfo.of(Long.class));
  }

  @Test
  void when_theSpecIsOpenedAndClosed_then_theRichJoinFunctionIsToo() throws Exception {
    Pair function = new Pair();
    CoGroupedStreamsTest.assertOpenedAndClosedWithTheSpec(tumbling().apply(function), function);
  }

  @Test
  void when_settingTriggerEvictorAndLateness_then_theJoinsSpecCarriesThem() {
    DataStream<String> result = inputs.orders().join(inputs.payments()).where(Order::id).equalTo(Payment::orderId)
        .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(3)))
        .trigger(CountTrigger.of(2))
        .evictor(CountEvictor.of(4))
        .allowedLateness(Duration.ofSeconds(1))
        .apply(new Pair());

    OperatorSpec.Window spec = specOf(result);
    assertThat(spec.trigger()).hasToString("CountTrigger(2)");
    assertThat(spec.evictor()).hasToString("CountEvictor(4)");
    assertThat(spec.allowedLatenessMillis()).isEqualTo(1000);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void when_theKeyTypesDiffer_then_theErrorNamesTheWindowJoin() {
    JoinedStreams.Where where = inputs.orders().join(inputs.payments()).where(Order::amount);
    assertThatThrownBy(() -> where.equalTo((KeySelector<Payment, String>) Payment::orderId))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageStartingWith("The window join of 'orders' and 'payments' needs keys of the same type");
  }

  @Test
  void when_theJoinFunctionIsNotSerializable_then_buildingFailsNamingIt() {
    Object lock = new Object();
    var windowed = tumbling();
    assertThatThrownBy(() -> windowed.apply((order, payment) -> order.id() + lock.hashCode()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("join function of the window join of 'orders' and 'payments'");
  }
}
