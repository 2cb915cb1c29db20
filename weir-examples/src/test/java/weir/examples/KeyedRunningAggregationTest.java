package weir.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.examples.KeyedRunningAggregation.SensorReading;
import weir.examples.KeyedRunningAggregation.SensorStats;

class KeyedRunningAggregationTest {
  private static final int SENSORS = 5;
  private static final int READINGS = 20_000;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void when_readingsAreAggregated_then_lastStatsPerSensorEqualPlainJava(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    List<SensorStats> updates =
        KeyedRunningAggregation.build(KeyedRunningAggregation.readings(env, SENSORS, READINGS)).executeAndCollectAll();

    Map<String, SensorStats> actual = KeyedRunningAggregation.lastPerSensor(updates, SensorStats::sensorId);
    Map<String, SensorStats> expected = plainJavaStats();
    assertThat(updates).hasSize(READINGS);
    assertThat(actual).hasSize(SENSORS).containsOnlyKeys(expected.keySet());
    expected.forEach((sensor, e) -> {
      SensorStats a = actual.get(sensor);
      assertThat(a.count()).isEqualTo(e.count());
      assertThat(a.min()).isEqualTo(e.min());
      assertThat(a.max()).isEqualTo(e.max());
      assertThat(a.mean()).isCloseTo(e.mean(), within(1e-9));
    });
  }

  @Test
  void when_keyedStateIsUpdated_then_eachSensorsCountGrowsByOnePerReading() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    List<SensorStats> updates =
        KeyedRunningAggregation.build(KeyedRunningAggregation.readings(env, SENSORS, 1_000)).executeAndCollectAll();

    Map<String, List<Long>> countsPerSensor = new HashMap<>();
    for (SensorStats update : updates) {
      countsPerSensor.computeIfAbsent(update.sensorId(), s -> new ArrayList<>()).add(update.count());
    }
    countsPerSensor.values().forEach(counts ->
        assertThat(counts).isEqualTo(java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void when_maxByTemperature_then_lastUpdateIsTheFirstHottestReading(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    List<SensorReading> updates = KeyedRunningAggregation.buildHottest(
        KeyedRunningAggregation.readings(env, SENSORS, READINGS)).executeAndCollectAll();

    Map<String, SensorReading> expected = new HashMap<>();
    for (long i = 0; i < READINGS; i++) {
      SensorReading r = KeyedRunningAggregation.reading(i, SENSORS);
      expected.merge(r.sensorId(), r, (old, now) -> now.temperature() > old.temperature() ? now : old);
    }
    assertThat(KeyedRunningAggregation.lastPerSensor(updates, SensorReading::sensorId)).isEqualTo(expected);
  }

  @Test
  void when_runWithOptions_then_printsOneRowPerSensor() throws Exception {
    String output = WordCountTest.captureStdout(() -> KeyedRunningAggregation.main(
        new String[] {"--readings", "1000", "--sensors", "3", "--parallelism", "2"}));
    List<String> lines = output.lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo("1,000 readings of 3 sensors, temperatures in degrees Celsius:");
    assertThat(lines.subList(2, 5)).allMatch(line -> line.matches(" +sensor-\\d +333 .*|  sensor-0 +334 .*"));
  }

  private static Map<String, SensorStats> plainJavaStats() {
    Map<String, SensorStats> stats = new HashMap<>();
    for (long i = 0; i < READINGS; i++) {
      SensorReading r = KeyedRunningAggregation.reading(i, SENSORS);
      stats.merge(r.sensorId(), SensorStats.of(r), (old, one) -> old.add(r));
    }
    return stats;
  }
}
