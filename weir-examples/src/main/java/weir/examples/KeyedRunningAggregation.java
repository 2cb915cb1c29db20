package weir.examples;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

/**
 * Running statistics per key with keyed state: sensor readings are keyed by sensor, and a {@link
 * KeyedProcessFunction} keeps each sensor's count, minimum, maximum and sum in a {@link
 * ValueState}, emitting the updated statistics for every reading. A second job does the same
 * for the hottest reading with the built-in {@code maxBy("temperature")}.
 *
 * <pre>{@code
 * readings.keyBy(SensorReading::sensorId).process(new RunningStats());    // count, min, max, mean
 * readings.keyBy(SensorReading::sensorId).maxBy("temperature");           // the hottest reading
 * }</pre>
 *
 * <h3>Running it</h3>
 * Both jobs read the same generated readings; the program collects their output and prints the
 * last update per sensor. Options: {@code --readings <n>} (default 100,000), {@code --sensors
 * <n>} (default 8) and {@code --parallelism <p>} (default 1).
 *
 * @since 0.1
 */
public final class KeyedRunningAggregation {
  static final String USAGE =
      "Usage: KeyedRunningAggregation [--readings <n>] [--sensors <n>] [--parallelism <p>]";

  /**
   * One temperature reading.
   *
   * @param sensorId the sensor that took it
   * @param time the tick at which it was taken, counting from 0 per sensor
   * @param temperature in degrees Celsius
   */
  public record SensorReading(String sensorId, long time, double temperature) {}

  /**
   * The statistics of a sensor's readings so far.
   *
   * @param count the number of readings
   * @param sum the sum of their temperatures, from which {@link #mean()} follows
   */
  public record SensorStats(String sensorId, long count, double min, double max, double sum) {
    /** The statistics of a single reading. */
    public static SensorStats of(SensorReading reading) {
      double t = reading.temperature();
      return new SensorStats(reading.sensorId(), 1, t, t, t);
    }

    /** These statistics with one more reading. */
    public SensorStats add(SensorReading reading) {
      double t = reading.temperature();
      return new SensorStats(sensorId, count + 1, Math.min(min, t), Math.max(max, t), sum + t);
    }

    /** The mean temperature. */
    public double mean() {
      return sum / count;
    }
  }

  /** Keeps a sensor's {@link SensorStats} in keyed state and emits them after each reading. */
  public static final class RunningStats extends KeyedProcessFunction<String, SensorReading, SensorStats> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<SensorStats> stats;

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      stats = context.getState(new ValueStateDescriptor<>("stats", SensorStats.class));
    }

    @Override
    public void processElement(SensorReading reading, Context<String> ctx, Collector<SensorStats> out) {
      SensorStats current = stats.value();                 // scoped to ctx.getCurrentKey()
      SensorStats updated = current == null ? SensorStats.of(reading) : current.add(reading);
      stats.update(updated);
      out.collect(updated);
    }
  }

  private KeyedRunningAggregation() {}

  /** Runs both jobs with the options described above and prints the final statistics per sensor. */
  public static void main(String[] argv) throws Exception {
    var args = ExampleArgs.parse(argv, USAGE, "readings", "sensors", "parallelism");
    long count = args.getLong("readings", 100_000);
    int sensors = args.getInt("sensors", 8);
    var env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(args.getInt("parallelism", 1));

    Map<String, SensorStats> stats = lastPerSensor(
        build(readings(env, sensors, count)).executeAndCollectAll(), SensorStats::sensorId);
    Map<String, SensorReading> hottest = lastPerSensor(
        buildHottest(readings(env, sensors, count)).executeAndCollectAll(), SensorReading::sensorId);

    System.out.printf("%,d readings of %d sensors, temperatures in degrees Celsius:%n", count, sensors);
    System.out.printf("  %-10s %8s %7s %7s %7s %8s%n", "sensor", "readings", "min", "max", "mean", "max at");
    stats.forEach((sensor, s) -> System.out.printf("  %-10s %,8d %7.1f %7.1f %7.2f %8d%n",
        sensor, s.count(), s.min(), s.max(), s.mean(), hottest.get(sensor).time()));
  }

  /** The running statistics per sensor: one update per reading. */
  public static DataStream<SensorStats> build(DataStream<SensorReading> readings) {
    return readings
        .keyBy(SensorReading::sensorId)
        .process(new RunningStats()).name("RunningStats");
  }

  /** The hottest reading per sensor so far (the first on ties): one update per reading. */
  public static DataStream<SensorReading> buildHottest(DataStream<SensorReading> readings) {
    return readings
        .keyBy(SensorReading::sensorId)
        .maxBy("temperature").name("Hottest");
  }

  /** {@code count} generated readings, taken in turn by {@code sensors} sensors. */
  public static DataStream<SensorReading> readings(StreamExecutionEnvironment env, int sensors, long count) {
    return env.fromSource(new DataGeneratorSource<>(index -> reading(index, sensors), count), "Readings");
  }

  /**
   * Reading number {@code index}: sensor {@code index % sensors} at tick {@code index / sensors},
   * a base temperature per sensor plus a slow wave plus noise and rare spikes, to a tenth of a
   * degree. A pure function of the index, as a {@link DataGeneratorSource} needs.
   */
  static SensorReading reading(long index, int sensors) {
    int sensor = (int) (index % sensors);
    long time = index / sensors;
    long hash = SplitMix.mix(index);
    double noise = 4 * (SplitMix.unit(hash) - 0.5);
    double spike = (hash & 1023) == 0 ? 8 * SplitMix.unit(SplitMix.mix(hash)) : 0;   // one in 1,024
    double temperature = 15 + 2.5 * sensor + 3 * Math.sin(time / 500.0 + sensor) + noise + spike;
    return new SensorReading("sensor-" + sensor, time, Math.round(temperature * 10) / 10.0);
  }

  /**
   * The last update of each sensor, sorted by sensor. A keyed stream keeps the order of each
   * key's records, so the last one collected is the final one.
   */
  static <T> Map<String, T> lastPerSensor(List<T> updates, Function<T, String> sensorOf) {
    Map<String, T> last = new TreeMap<>();
    for (T update : updates) {
      last.put(sensorOf.apply(update), update);
    }
    return last;
  }
}
