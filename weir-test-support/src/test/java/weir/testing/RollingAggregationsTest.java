package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.KeyedStream;
import weir.api.functions.AggregateFunction;

/**
 * The rolling aggregations of {@code KeyedStream}, end to end: a source of parallelism 1 keeps
 * each key's order, the aggregation runs with parallelism 2, and outputs are compared per key.
 */
class RollingAggregationsTest {
  /** A sale as a Java record. */
  record Sale(String shop, int amount, String item) implements Serializable {}

  /** A reading as a POJO: no-arg constructor, private fields with getters and setters. */
  public static final class Reading implements Serializable {
    private String sensor;
    private double value;
    private long time;

    public Reading() {}

    Reading(String sensor, double value, long time) {
      this.sensor = sensor;
      this.value = value;
      this.time = time;
    }

    public String getSensor() {
      return sensor;
    }

    public void setSensor(String sensor) {
      this.sensor = sensor;
    }

    public double getValue() {
      return value;
    }

    public void setValue(double value) {
      this.value = value;
    }

    public long getTime() {
      return time;
    }

    public void setTime(long time) {
      this.time = time;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Reading r && r.sensor.equals(sensor) && r.value == value && r.time == time;
    }

    @Override
    public int hashCode() {
      return Objects.hash(sensor, value, time);
    }

    @Override
    public String toString() {
      return sensor + "=" + value + "@" + time;
    }
  }

  private static final List<Sale> SALES = List.of(
      new Sale("north", 5, "apple"), new Sale("south", 7, "pear"), new Sale("north", 3, "fig"),
      new Sale("north", 9, "kiwi"), new Sale("south", 7, "plum"), new Sale("north", 3, "lime"));

  private static final List<Reading> READINGS = List.of(
      new Reading("t1", 20.5, 1), new Reading("t2", 10.0, 2), new Reading("t1", 18.0, 3),
      new Reading("t1", 25.0, 4), new Reading("t2", 10.0, 5));

  private static KeyedStream<Sale, String> sales() {
    var env = EmbeddedJobs.environment(2);
    return env.fromData(SALES).setParallelism(1).keyBy(Sale::shop);
  }

  private static KeyedStream<Reading, String> readings() {
    var env = EmbeddedJobs.environment(2);
    return env.fromData(READINGS).setParallelism(1).keyBy(Reading::getSensor);
  }

  /** The outputs of each key in the order that key's outputs arrived. */
  private static <T, K> Map<K, List<T>> perKey(DataStream<T> stream, Function<T, K> key) throws Exception {
    return EmbeddedJobs.collect(stream).stream()
        .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
  }

  private static Sale sale(String shop, int amount, String item) {
    return new Sale(shop, amount, item);
  }

  private static Reading reading(String sensor, double value, long time) {
    return new Reading(sensor, value, time);
  }

  @Test
  void when_reduce_then_runningReductionPerKey() throws Exception {
    var out = perKey(sales().reduce((a, b) -> new Sale(a.shop(), a.amount() + b.amount(), b.item())), Sale::shop);

    assertThat(out.get("north")).extracting(Sale::amount).containsExactly(5, 8, 17, 20);
    assertThat(out.get("north")).extracting(Sale::item).containsExactly("apple", "fig", "kiwi", "lime");
    assertThat(out.get("south")).extracting(Sale::amount).containsExactly(7, 14);
  }

  /** The running count and total amount of a shop. */
  record Totals(String shop, long count, long sum) implements Serializable {}

  /** Aggregates sales into a shop's totals, rendered as text. */
  static final class TotalsOfShop implements AggregateFunction<Sale, Totals, String> {
    @Override
    public Totals createAccumulator() {
      return new Totals("", 0, 0);
    }

    @Override
    public Totals add(Sale value, Totals acc) {
      return new Totals(value.shop(), acc.count() + 1, acc.sum() + value.amount());
    }

    @Override
    public String getResult(Totals acc) {
      return acc.shop() + ":" + acc.sum() + "/" + acc.count();
    }

    @Override
    public Totals merge(Totals a, Totals b) {
      return new Totals(a.shop(), a.count() + b.count(), a.sum() + b.sum());
    }
  }

  @Test
  void when_aggregate_then_resultOfRunningAccumulatorPerKey() throws Exception {
    var out = perKey(sales().aggregate(new TotalsOfShop()), (String s) -> s.substring(0, s.indexOf(':')));

    assertThat(out.get("north")).containsExactly("north:5/1", "north:8/2", "north:17/3", "north:20/4");
    assertThat(out.get("south")).containsExactly("south:7/1", "south:14/2");
  }

  @Test
  void when_sumOnRecordField_then_firstRecordWithRunningSum() throws Exception {
    var out = perKey(sales().sum("amount"), Sale::shop);

    assertThat(out.get("north")).containsExactly(
        sale("north", 5, "apple"), sale("north", 8, "apple"), sale("north", 17, "apple"), sale("north", 20, "apple"));
    assertThat(out.get("south")).containsExactly(sale("south", 7, "pear"), sale("south", 14, "pear"));
  }

  @Test
  void when_minAndMaxOnRecordField_then_onlyFieldTracked() throws Exception {
    var min = perKey(sales().min("amount"), Sale::shop);
    var max = perKey(sales().max("amount"), Sale::shop);

    assertThat(min.get("north")).containsExactly(
        sale("north", 5, "apple"), sale("north", 3, "apple"), sale("north", 3, "apple"), sale("north", 3, "apple"));
    assertThat(max.get("north")).containsExactly(
        sale("north", 5, "apple"), sale("north", 5, "apple"), sale("north", 9, "apple"), sale("north", 9, "apple"));
  }

  @Test
  void when_minByAndMaxByOnRecordField_then_wholeRecordKept_firstOnTies() throws Exception {
    var minBy = perKey(sales().minBy("amount"), Sale::shop);
    var maxBy = perKey(sales().maxBy("amount"), Sale::shop);

    assertThat(minBy.get("north")).extracting(Sale::item).containsExactly("apple", "fig", "fig", "fig");
    assertThat(maxBy.get("north")).extracting(Sale::item).containsExactly("apple", "apple", "kiwi", "kiwi");
    assertThat(maxBy.get("south")).extracting(Sale::item).containsExactly("pear", "pear");
  }

  @Test
  void when_sumMinMaxOnPojoField_then_firstPojoWithFieldReplaced() throws Exception {
    var sum = perKey(readings().sum("value"), Reading::getSensor);
    var min = perKey(readings().min("value"), Reading::getSensor);
    var max = perKey(readings().max("value"), Reading::getSensor);

    assertThat(sum.get("t1")).containsExactly(reading("t1", 20.5, 1), reading("t1", 38.5, 1), reading("t1", 63.5, 1));
    assertThat(sum.get("t2")).containsExactly(reading("t2", 10.0, 2), reading("t2", 20.0, 2));
    assertThat(min.get("t1")).containsExactly(reading("t1", 20.5, 1), reading("t1", 18.0, 1), reading("t1", 18.0, 1));
    assertThat(max.get("t1")).containsExactly(reading("t1", 20.5, 1), reading("t1", 20.5, 1), reading("t1", 25.0, 1));
  }

  @Test
  void when_minByMaxByOnPojoField_then_wholePojoKept_firstOnTies() throws Exception {
    var minBy = perKey(readings().minBy("value"), Reading::getSensor);
    var maxBy = perKey(readings().maxBy("value"), Reading::getSensor);

    assertThat(minBy.get("t1")).extracting(Reading::getTime).containsExactly(1L, 3L, 3L);
    assertThat(maxBy.get("t1")).extracting(Reading::getTime).containsExactly(1L, 1L, 4L);
    assertThat(minBy.get("t2")).extracting(Reading::getTime).containsExactly(2L, 2L);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void when_sumOverNumbersInParallel_then_oneOutputPerRecord_and_everyTotalIsEmitted(int parallelism)
      throws Exception {
    var env = EmbeddedJobs.environment(parallelism);

    List<Long> out = EmbeddedJobs.collectSorted(env.fromSequence(1, 1_000).keyBy(x -> x % 3).sum("*"), Long::compare);

    // With parallel sources a key's records arrive in any interleaving, but its running sums only
    // grow, so each key's total is among the outputs and the largest total is the largest output.
    assertThat(out).hasSize(1_000).contains(166_500L, 166_833L, 167_167L);
    assertThat(out.get(999)).isEqualTo(167_167L);
  }
}
