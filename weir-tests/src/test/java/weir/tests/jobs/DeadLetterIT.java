package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import weir.api.connector.sink.lib.DeadLetter;
import weir.api.connector.sink.lib.DeadLetterSink;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.Collector;
import weir.api.functions.ProcessFunction;
import weir.tests.support.CollectingSink;

/** Records a job cannot parse go to its dead-letter output with their error; the good ones go on. */
class DeadLetterIT {
  private static final OutputTag<String> BAD = OutputTag.of("bad", String.class);

  static final class Parse extends ProcessFunction<String, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(String value, Context ctx, Collector<Long> out) {
      try {
        out.collect(Long.parseLong(value));
      } catch (NumberFormatException e) {
        ctx.output(BAD, value);
      }
    }
  }

  @Test
  void when_records_go_to_the_dead_letter_sink_then_the_job_client_lists_them_with_their_error() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    try (var good = new CollectingSink<Long>()) {
      var parsed = env.fromElements("1", "two", "3", "", "5").process(new Parse());
      parsed.sinkTo(good);
      parsed.getSideOutput(BAD).map(raw -> new DeadLetter(raw, "not a number")).sinkTo(new DeadLetterSink());
      var client = env.executeAsync("parse");
      client.await();

      assertThat(good.values()).containsExactlyInAnyOrder(1L, 3L, 5L);
      assertThat(client.getDeadLetters()).containsExactlyInAnyOrder(new DeadLetter("two", "not a number"),
          new DeadLetter("", "not a number"));
    }
  }

  @Test
  void when_more_dead_letters_come_than_are_kept_then_the_latest_are_kept() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    env.fromSequence(1, 1_500).map(n -> new DeadLetter("n=" + n, "refused")).sinkTo(new DeadLetterSink());
    var client = env.executeAsync("many");
    client.await();

    assertThat(client.getDeadLetters()).hasSize(1_000)
        .extracting(DeadLetter::record)
        .isEqualTo(LongStream.rangeClosed(501, 1_500).mapToObj(n -> "n=" + n).toList());
  }
}
