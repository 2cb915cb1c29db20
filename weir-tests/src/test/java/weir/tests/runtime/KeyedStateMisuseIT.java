package weir.tests.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import weir.api.connector.sink.lib.DiscardingSink;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobExecutionException;
import weir.api.functions.MapFunction;
import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

/** Keyed state on a stream that is not keyed fails the job with a message saying what to do. */
class KeyedStateMisuseIT {
  static final class Dedup implements MapFunction<Long, Long>, RichFunction {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Boolean> seen;

    @Override
    public void open(RuntimeContext context) {
      seen = context.getState(new ValueStateDescriptor<>("seen", Boolean.class));
    }

    @Override
    public Long map(Long value) throws Exception {
      seen.update(true);
      return value;
    }
  }

  @Test
  void when_nonKeyedMapAsksForKeyedState_then_jobFailsSayingToApplyItAfterKeyBy() {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.fromSequence(1, 100).map(new Dedup()).name("Dedup").sinkTo(new DiscardingSink<>());

    assertThatThrownBy(() -> env.execute("keyed-state-misuse"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("'Dedup'")
        .hasMessageContaining("keyBy")
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not run on a keyed stream")
        .hasMessageContaining("apply it after keyBy");
  }
}
