package weir.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

  @Test
  void when_records_are_batched_then_full_batches_are_emitted_and_the_unfinished_one_is_kept() throws Exception {
    assertThat(StateSnippets.batch(3, "a", "b", "c", "d", "e", "f", "g"))
        .containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f"));
  }

  @Test
  void when_orders_meet_rates_then_each_is_priced_once_whichever_comes_first() throws Exception {
    List<StateSnippets.Order> orders = List.of(new StateSnippets.Order("o1", "USD", 10), new StateSnippets.Order("o2",
        "GBP", 4), new StateSnippets.Order("o3", "USD", 2));
    List<StateSnippets.Rate> rates = List.of(new StateSnippets.Rate("USD", 0.5), new StateSnippets.Rate("GBP", 1.25));
    assertThat(StateSnippets.price(orders, rates)).containsExactlyInAnyOrder("o1: 5.0 EUR", "o2: 5.0 EUR",
        "o3: 1.0 EUR");
  }
}
