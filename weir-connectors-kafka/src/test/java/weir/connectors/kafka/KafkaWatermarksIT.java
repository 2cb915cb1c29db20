package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobClient;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.Collector;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.windows.TimeWindow;
import weir.testing.CollectingSink;

/**
 * Event time per partition: one subtask reads both partitions of a topic, each with its own
 * watermarks taken from the Kafka record timestamps, into one-second windows counted per
 * partition. The values are the partitions' names, so each window's count is per partition.
 *
 * <h3>Design of this test</h3>
 * The jobs are unbounded, so only the watermarks, never the end of input, fire windows. Each step
 * waits, through a second sink that sees every record read, until the job read what was sent
 * before sending more, so the order in which the job reads the partitions is fixed.
 */
class KafkaWatermarksIT {
  private static final Duration WITHIN = Duration.ofSeconds(30);

  @Test
  @Timeout(60)
  void when_one_partition_goes_idle_then_windows_fire_on_the_watermarks_of_the_active_one() throws Exception {
    WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forMonotonousTimestamps()
        .withIdleness(Duration.ofMillis(300));
    List<String> fired = runWindowJob("wm-idle", strategy, (topic, read, windows) -> {
      send(topic, 1, List.of(0L));
      await().atMost(WITHIN).until(() -> read.records().size() == 1);
      send(topic, 0, everyHalfSecondFrom(0));
      // partition 0's watermark is 9999 - 1: each full window up to [8000, 9000) fires with its two records
      await().atMost(WITHIN).until(() -> countsOf(windows.records(), "p0").size() >= 9);
    });

    Map<Long, Integer> p0 = countsOf(fired, "p0");
    assertThat(p0).hasSize(9).allSatisfy((end, count) -> assertThat(count).as("window ending at %s", end).isEqualTo(2));
    assertThat(p0.keySet()).containsExactly(1_000L, 2_000L, 3_000L, 4_000L, 5_000L, 6_000L, 7_000L, 8_000L, 9_000L);
  }

  /**
   * Partition 0 runs ten seconds of event time ahead while partition 1 is active at 0; partition
   * 1's records come afterwards. Were the watermark to follow the faster partition, partition 1's
   * windows would fire with its first record only and the rest would be late and dropped; it must
   * follow the slower one, so every window counts all its records.
   */
  @Test
  @Timeout(60)
  void when_partitions_advance_unevenly_then_the_watermark_follows_the_slowest_and_no_record_is_late()
      throws Exception {
    List<String> fired = runWindowJob("wm-slowest", WatermarkStrategy.forMonotonousTimestamps(),
        (topic, read, windows) -> {
          send(topic, 1, List.of(0L));
          await().atMost(WITHIN).until(() -> read.records().size() == 1);
          sendAheadThenBehind(topic, read, windows);
        });

    assertThat(countsOf(fired, "p1")).hasSize(10)
        .allSatisfy((end, count) -> assertThat(count).isEqualTo(end == 1_000L ? 3 : 2));
  }

  /**
   * Partition 1 brings no record until partition 0 ran ten seconds of event time ahead. Without
   * idleness, a partition assigned to the subtask holds back the watermark from the start, not
   * from its first record on: else its first records would be late, as can happen at any start
   * where one partition's records arrive in a later fetch than another's.
   */
  @Test
  @Timeout(60)
  void when_a_partition_brings_its_first_records_after_another_advanced_then_none_of_them_is_late()
      throws Exception {
    List<String> fired = runWindowJob("wm-first", WatermarkStrategy.forMonotonousTimestamps(),
        (topic, read, windows) -> sendAheadThenBehind(topic, read, windows));

    assertThat(countsOf(fired, "p1")).hasSize(10).allSatisfy((end, count) -> assertThat(count).isEqualTo(2));
  }

  /** What a test does while its job runs. */
  @FunctionalInterface
  private interface Steps {
    void run(String topic, CollectingSink<String> read, CollectingSink<String> windows) throws Exception;
  }

  /**
   * Creates {@code topic} with two partitions, runs the windows job on it while {@code steps}
   * send records and wait for windows, then cancels it; returns the windows that fired, each
   * once.
   */
  private static List<String> runWindowJob(String topic, WatermarkStrategy<String> strategy, Steps steps)
      throws Exception {
    KafkaBroker.createTopic(topic, 2);
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    try (CollectingSink<String> read = CollectingSink.create(); CollectingSink<String> windows = CollectingSink.create()) {
      KafkaSource<String> source = KafkaJobs.stringSource(topic).build();
      DataStream<String> in = env.fromSource(source, strategy, source.getProducedType(), "kafka");
      in.sinkTo(read);
      in.keyBy(p -> p)
          .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
          .process(new CountPerWindow())
          .sinkTo(windows);
      JobClient job = env.executeAsync("watermarks of " + topic);
      steps.run(topic, read, windows);
      KafkaJobs.cancel(job);
      assertThat(windows.records()).doesNotHaveDuplicates();
      return windows.records();
    }
  }

  /**
   * Sends ten seconds of event time to partition 0, then the same span 250 ms later to partition
   * 1, each once the job read what came before, then a record at 20 s to each partition, which
   * fires every window of the span; waits for the ten windows of partition 0 (checking their
   * counts) and the last one of partition 1 (fired by the same watermark as its others).
   */
  private static void sendAheadThenBehind(String topic, CollectingSink<String> read, CollectingSink<String> windows)
      throws Exception {
    int readBefore = read.records().size();
    send(topic, 0, everyHalfSecondFrom(0));
    await().atMost(WITHIN).until(() -> read.records().size() == readBefore + 20);
    send(topic, 1, everyHalfSecondFrom(250));
    await().atMost(WITHIN).until(() -> read.records().size() == readBefore + 40);
    send(topic, 0, List.of(20_000L));
    send(topic, 1, List.of(20_000L));
    await().atMost(WITHIN).until(() -> countsOf(windows.records(), "p0").size() >= 10
        && countsOf(windows.records(), "p1").containsKey(10_000L));
    assertThat(countsOf(windows.records(), "p0")).hasSize(10).allSatisfy((end, count) -> assertThat(count).isEqualTo(2));
  }

  /** Twenty timestamps 500 ms apart from {@code start}: two in each of the ten one-second windows from 0. */
  private static List<Long> everyHalfSecondFrom(long start) {
    List<Long> times = new ArrayList<>();
    for (long t = start; t < 10_000; t += 500) {
      times.add(t);
    }
    return times;
  }

  /** Sends to a partition one record per timestamp, its value the partition's name {@code p<partition>}. */
  private static void send(String topic, int partition, List<Long> timestamps) throws Exception {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (long t : timestamps) {
      records.add(new ProducerRecord<>(topic, partition, t, null, KafkaBroker.bytes("p" + partition)));
    }
    KafkaBroker.sendAll(records);
  }

  /** The count of each fired window of a partition, by the window's end. */
  private static Map<Long, Integer> countsOf(List<String> windows, String partition) {
    Map<Long, Integer> counts = new TreeMap<>();
    for (String w : windows) {
      String[] parts = w.split(",");
      if (parts[0].equals(partition)) {
        counts.put(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
      }
    }
    return counts;
  }

  /** Emits {@code <partition>,<window end>,<count>} for each window that fires. */
  private static final class CountPerWindow extends ProcessWindowFunction<String, String, String, TimeWindow> {
    @Override
    public void process(String key, Context context, Iterable<String> elements, Collector<String> out) {
      int count = 0;
      for (String ignored : elements) {
        count++;
      }
      out.collect(key + "," + context.window().getEnd() + "," + count);
    }
  }
}
