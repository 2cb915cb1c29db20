package weir.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimeSnippetsTest {
  @Test
  void when_users_go_quiet_then_each_gets_one_report_with_all_its_clicks() throws Exception {
    List<String> reports = EventTimeSnippets.quietUsers(700);
    // clicks are 100 ms apart, so no user is quiet for 30 s before the input ends
    assertThat(reports).hasSize(7).allMatch(r -> r.endsWith(": 100 clicks"));
  }
}
