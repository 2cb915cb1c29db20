package weir.tests.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import weir.examples.docs.StateSnippets.Deduplicate;
import weir.testing.FunctionTestHarness;

/** The TTL example of {@code docs/state.md}, under the harness's clock as that page describes. */
class TtlDeduplicateExampleTest {
  @Test
  void when_anIdComesAgainADayAfterItWasLastSeen_then_itIsPassedOnAgain() throws Exception {
    try (var harness = FunctionTestHarness.forKeyedProcess(new Deduplicate(), (String id) -> id)) {
      harness.processElement("a");
      harness.setProcessingTime(Duration.ofHours(12).toMillis());
      harness.processElement("a"); // a read within the TTL extends it (OnReadAndWrite)
      harness.setProcessingTime(Duration.ofHours(35).toMillis());
      harness.processElement("a");
      harness.setProcessingTime(Duration.ofHours(35 + 24).toMillis()); // a day after the last read
      harness.processElement("a");

      assertThat(harness.output()).containsExactly("a", "a");
      assertThat(harness.keyCount("seen")).isEqualTo(1);
    }
  }
}
