package weir.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import weir.api.functions.BroadcastProcessFunction;
import weir.api.functions.Collector;
import weir.api.functions.KeyedBroadcastProcessFunction;
import weir.api.graph.OperatorSpec;
import weir.api.graph.Partitioning;
import weir.api.graph.PartitionTransformation;
import weir.api.graph.TwoInputTransformation;
import weir.api.state.MapStateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.typeinfo.TypeInfo;

/** The broadcast state pattern as the API builds it into the graph, and the mistakes it refuses. */
class BroadcastStreamTest {
  private static final MapStateDescriptor<String, Long> LIMITS =
      new MapStateDescriptor<>("limits", String.class, Long.class);

  /** Passes on the values of the non-broadcast side as their lengths. */
  static final class Lengths extends BroadcastProcessFunction<String, Long, Integer> {
    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<Integer> out) {
      out.collect(value.length());
    }

    @Override
    public void processBroadcastElement(Long value, Context ctx, Collector<Integer> out) {}
  }

  /** The keyed variant of {@link Lengths}. */
  static final class KeyedLengths extends KeyedBroadcastProcessFunction<String, String, Long, Integer> {
    @Override
    public void processElement(String value, ReadOnlyContext<String> ctx, Collector<Integer> out) {
      out.collect(value.length());
    }

    @Override
    public void processBroadcastElement(Long value, Context<String> ctx, Collector<Integer> out) {}
  }

  private final StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);

  private DataStream<String> words() {
    return env.fromElements("a", "bb");
  }

  private DataStream<Long> limits() {
    return env.fromElements(1L, 2L);
  }

  @Test
  void when_a_stream_is_broadcast_and_connected_then_the_graph_has_a_broadcast_edge_and_the_declared_states() {
    DataStream<Integer> result = words().connect(limits().broadcast(LIMITS)).process(new Lengths());
    var t = (TwoInputTransformation<?, ?, ?>) result.getTransformation();
    assertThat(((PartitionTransformation<?>) t.getInput2()).getPartitioning()).isInstanceOf(Partitioning.Broadcast.class);
    assertThat(t.getOperation()).isInstanceOfSatisfying(OperatorSpec.BroadcastProcess.class,
        spec -> assertThat(spec.broadcastStates()).containsExactly(LIMITS));
    assertThat(t.getKeySelector1()).isNull();
    assertThat(result.getType()).isEqualTo(TypeInfo.of(Integer.class));
  }

  @Test
  void when_a_keyed_stream_is_connected_then_the_keyed_function_runs_keyed_by_the_first_input() {
    DataStream<Integer> result = words().keyBy(w -> w).connect(limits().broadcast(LIMITS)).process(new KeyedLengths());
    var t = (TwoInputTransformation<?, ?, ?>) result.getTransformation();
    assertThat(t.getOperation()).isInstanceOf(OperatorSpec.KeyedBroadcastProcess.class);
    assertThat(t.getKeySelector1()).isNotNull();
    assertThat(t.getKeySelector2()).isNull();
    assertThat(result.getType()).isEqualTo(TypeInfo.of(Integer.class));
  }

  @Test
  void when_the_function_does_not_fit_the_keying_of_the_first_input_then_the_message_says_which_to_use() {
    assertThatThrownBy(() -> words().keyBy(w -> w).connect(limits().broadcast(LIMITS)).process(new Lengths()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("KeyedBroadcastProcessFunction");
    assertThatThrownBy(() -> words().connect(limits().broadcast(LIMITS)).process(new KeyedLengths()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("keyBy(...)");
  }

  @Test
  void when_descriptors_share_a_name_or_have_a_time_to_live_then_broadcast_refuses_them() {
    MapStateDescriptor<String, String> sameName = new MapStateDescriptor<>("limits", String.class, String.class);
    assertThatThrownBy(() -> limits().broadcast(LIMITS, sameName))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("two state descriptors named 'limits'");
    MapStateDescriptor<String, Long> expiring = new MapStateDescriptor<>("expiring", String.class, Long.class);
    expiring.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMinutes(1)).build());
    assertThatThrownBy(() -> limits().broadcast(expiring))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'expiring' has a time-to-live");
  }
}
