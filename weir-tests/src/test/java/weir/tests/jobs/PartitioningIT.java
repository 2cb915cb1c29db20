package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.tests.support.CollectingSink;
import weir.tests.support.TagWithSubtask;
import weir.tests.support.TagWithSubtask.Tagged;

/**
 * Every partitioning, checked by where records land: the records are tagged with the producing
 * subtask and the collecting sink notes the consuming one.
 */
class PartitioningIT {
  private static final int RECORDS = 4_000;

  /** Runs source (tagged) → partitioning → sink and returns the sink's records by consumer subtask. */
  private static Map<Integer, List<Tagged<Long>>> route(int producers, int consumers,
      Function<DataStream<Tagged<Long>>, DataStream<Tagged<Long>>> partitioning) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(Math.max(producers, consumers));
    try (var sink = new CollectingSink<Tagged<Long>>()) {
      DataStream<Tagged<Long>> tagged = env.fromSequence(1, RECORDS).setParallelism(producers)
          .map(new TagWithSubtask<Long>()).setParallelism(producers);
      partitioning.apply(tagged).sinkTo(sink).setParallelism(consumers);
      env.execute("partitioning");
      return sink.valuesBySubtask();
    }
  }

  private static List<Long> values(Map<Integer, List<Tagged<Long>>> bySubtask) {
    return bySubtask.values().stream().flatMap(List::stream).map(Tagged::value).toList();
  }

  private static List<Long> allRecords() {
    return LongStream.rangeClosed(1, RECORDS).boxed().toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1, 4", "2, 2", "4, 2", "4, 1"})
  void when_rebalance_then_eachProducerSpreadsEvenlyOverAllConsumers(int producers, int consumers) throws Exception {
    var received = route(producers, consumers, DataStream::rebalance);

    assertThat(values(received)).containsExactlyInAnyOrderElementsOf(allRecords());
    assertThat(received).hasSize(consumers);
    Map<Integer, Map<Integer, Integer>> perProducerPerConsumer = new HashMap<>();
    received.forEach((consumer, records) -> records.forEach(r -> perProducerPerConsumer
        .computeIfAbsent(r.subtask(), p -> new HashMap<>()).merge(consumer, 1, Integer::sum)));
    perProducerPerConsumer.forEach((producer, counts) -> {
      assertThat(counts).as("consumers of producer %d", producer).hasSize(consumers);
      int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
      int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
      assertThat(max - min).as("round robin imbalance of producer %d", producer).isLessThanOrEqualTo(1);
    });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"2, 4", "4, 2", "1, 3", "3, 1"})
  void when_rescale_then_eachProducerFeedsOnlyItsLocalConsumers(int producers, int consumers) throws Exception {
    var received = route(producers, consumers, DataStream::rescale);

    assertThat(values(received)).containsExactlyInAnyOrderElementsOf(allRecords());
    Map<Integer, Set<Integer>> consumersOfProducer = new HashMap<>();
    received.forEach((consumer, records) -> records.forEach(r -> consumersOfProducer
        .computeIfAbsent(r.subtask(), p -> new HashSet<>()).add(consumer)));
    // readers pull splits on demand, so a fast reader may take two and another none: check the
    // producers that emitted (each emitted at least one split of RECORDS / producers records)
    assertThat(consumersOfProducer).isNotEmpty();
    for (int p : consumersOfProducer.keySet()) {
      Set<Integer> expected = new HashSet<>();
      for (int c = 0; c < consumers; c++) {
        // the pointwise pattern: with more producers, several share one consumer; with fewer,
        // each producer owns a contiguous block of consumers
        if (producers >= consumers ? p * consumers / producers == c : c * producers / consumers == p) {
          expected.add(c);
        }
      }
      assertThat(consumersOfProducer.get(p)).as("consumers of producer %d", p).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} -> 4")
  @ValueSource(ints = {1, 2, 4})
  void when_broadcast_then_everyConsumerReceivesEveryRecord(int producers) throws Exception {
    var received = route(producers, 4, DataStream::broadcast);

    assertThat(received).hasSize(4);
    received.forEach((consumer, records) -> assertThat(records.stream().map(Tagged::value).toList())
        .as("records of consumer %d", consumer)
        .containsExactlyInAnyOrderElementsOf(allRecords()));
  }

  @ParameterizedTest(name = "{0} -> 4")
  @ValueSource(ints = {1, 2, 4})
  void when_shuffle_then_everyRecordArrivesOnceAndAllConsumersGetSome(int producers) throws Exception {
    var received = route(producers, 4, DataStream::shuffle);

    assertThat(values(received)).containsExactlyInAnyOrderElementsOf(allRecords());
    assertThat(received).hasSize(4); // 4000 random picks leave a consumer empty with probability ~ 4 * 0.75^4000
  }

  @ParameterizedTest(name = "{0} -> {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_forward_then_eachRecordStaysInItsSubtask(int parallelism) throws Exception {
    var received = route(parallelism, parallelism, DataStream::forward);

    assertThat(values(received)).containsExactlyInAnyOrderElementsOf(allRecords());
    received.forEach((consumer, records) -> assertThat(records)
        .allSatisfy(r -> assertThat(r.subtask()).isEqualTo(consumer)));
  }

  @ParameterizedTest(name = "{0} -> 4")
  @ValueSource(ints = {1, 2, 4})
  void when_global_then_allRecordsGoToTheFirstConsumer(int producers) throws Exception {
    var received = route(producers, 4, DataStream::global);

    assertThat(received.keySet()).containsExactly(0);
    assertThat(values(received)).containsExactlyInAnyOrderElementsOf(allRecords());
  }

  @ParameterizedTest(name = "{0} -> 4")
  @ValueSource(ints = {1, 2, 4})
  void when_keyBy_then_eachKeyIsHandledByExactlyOneConsumer(int producers) throws Exception {
    var received = route(producers, 4, s -> s.keyBy(t -> t.value() % 50));

    assertThat(values(received)).containsExactlyInAnyOrderElementsOf(allRecords());
    Map<Long, Set<Integer>> consumersOfKey = new HashMap<>();
    received.forEach((consumer, records) -> records.forEach(r -> consumersOfKey
        .computeIfAbsent(r.value() % 50, k -> new HashSet<>()).add(consumer)));
    assertThat(consumersOfKey).hasSize(50).allSatisfy((key, consumers) -> assertThat(consumers).hasSize(1));
  }

  @Test
  void when_forwardBetweenDifferentParallelism_then_buildingTheJobFails() {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.fromSequence(1, 10).forward().map(x -> x).setParallelism(3).sinkTo(new weir.api.connector.sink.lib.DiscardingSink<>());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.execute("bad-forward"))
        .isInstanceOf(weir.api.datastream.InvalidProgramException.class)
        .hasMessageContaining("needs equal parallelism");
  }
}
