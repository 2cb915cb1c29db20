package weir.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import weir.api.state.StateTtlConfig;

class StateSnippetsTest {
  @Test
  void when_ids_repeat_within_the_ttl_then_each_is_passed_on_once() throws Exception {
    assertThat(StateSnippets.deduplicate("a", "b", "a", "c", "b", "a")).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void when_event_time_ttl_is_built_then_it_runs_on_event_time_and_filters_snapshots() {
    StateTtlConfig ttl = StateSnippets.eventTimeTtl();
    assertThat(ttl.getTimeCharacteristic()).isEqualTo(StateTtlConfig.TimeCharacteristic.EventTime);
    assertThat(ttl.isCleanupFullSnapshot()).isTrue();
  }
}
