package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeInfo;

/** The filter a full snapshot writer applies to the entries of a table with TTL, called directly. */
class TtlSnapshotFilterTest {
  private static final StateTtlConfig TTL = StateTtlConfig.newBuilder(Duration.ofMillis(100))
      .cleanupFullSnapshot()
      .disableCleanupInBackground()
      .build();

  private long now;
  private final WatermarkClock watermark = new WatermarkClock();
  // one key group, so that every key lands in map 0
  private final HeapKeyedStateBackend backend =
      new HeapKeyedStateBackend("op", new KeyGroupRange(0, 0), 1, new SerializerConfig(), () -> now, watermark);

  private static <D extends weir.api.state.StateDescriptor<?>> D withTtl(D descriptor, StateTtlConfig ttl) {
    descriptor.enableTimeToLive(ttl);
    return descriptor;
  }

  /** The entries of the table's only map, by key. */
  @SuppressWarnings("unchecked")
  private static <V> Map<Object, StateMap.Entry<Object, Object, V>> entries(StateTable<?, V> table) {
    Map<Object, StateMap.Entry<Object, Object, V>> entries = new HashMap<>();
    ((StateMap<Object, Object, V>) (StateMap<?, ?, ?>) table.map(0)).forEach(e -> entries.put(e.key(), e));
    return entries;
  }

  @Test
  void when_valuesKeptAsBytes_then_filterReadsExpiryFromTheFirst8Bytes() {
    ValueState<Long> state = backend.getState(withTtl(new ValueStateDescriptor<>("v", Long.class), TTL));
    backend.setCurrentKey("old");
    state.update(1L);
    now = 60;
    backend.setCurrentKey("young");
    state.update(2L);
    now = 120;

    @SuppressWarnings("unchecked")
    StateTable<Object, TtlValue<Long>> table = (StateTable<Object, TtlValue<Long>>) backend.table("v");
    TtlSnapshotFilter<TtlValue<Long>> filter = table.ttlSnapshotFilter();
    byte[] data = table.map(0).arena().data();
    Map<Object, StateMap.Entry<Object, Object, TtlValue<Long>>> entries = entries(table);

    assertThat(entries.get("old").offset).as("kept as bytes").isNotNegative();
    assertThat(TtlValueSerializer.lastAccess(data, entries.get("young").offset)).isEqualTo(60);
    assertThat(filter.isExpired(data, entries.get("old").offset)).isTrue();
    assertThat(filter.isExpired(data, entries.get("young").offset)).isFalse();
    assertThat(table.size()).as("the filter removes nothing").isEqualTo(2);
  }

  @Test
  void when_valuesKeptAsObjects_then_filterReturnsTheValueOrNull() {
    ValueState<Object> state = backend.getState(withTtl(new ValueStateDescriptor<>("v", TypeInfo.unknown()), TTL));
    backend.setCurrentKey("old");
    state.update("a");
    now = 60;
    backend.setCurrentKey("young");
    state.update("b");
    now = 120;

    @SuppressWarnings("unchecked")
    StateTable<Object, TtlValue<Object>> table = (StateTable<Object, TtlValue<Object>>) backend.table("v");
    TtlSnapshotFilter<TtlValue<Object>> filter = table.ttlSnapshotFilter();
    Map<Object, StateMap.Entry<Object, Object, TtlValue<Object>>> entries = entries(table);

    assertThat(entries.get("old").offset).as("kept as an object").isNegative();
    assertThat(filter.withoutExpired(entries.get("old").value())).isNull();
    TtlValue<Object> young = entries.get("young").value();
    assertThat(filter.withoutExpired(young)).isSameAs(young);
  }

  @Test
  void when_someListElementsExpired_then_filterReturnsACopyWithoutThemAndLeavesTheListAlone() {
    ListState<String> state = backend.getListState(withTtl(new ListStateDescriptor<>("l", String.class), TTL));
    backend.setCurrentKey("k");
    state.add("early");
    now = 60;
    state.add("late");
    backend.setCurrentKey("fresh");
    state.add("x");
    backend.setCurrentKey("gone");
    now = 0;
    state.add("y");
    now = 120;

    @SuppressWarnings("unchecked")
    StateTable<Object, ArrayList<TtlValue<String>>> table =
        (StateTable<Object, ArrayList<TtlValue<String>>>) backend.table("l");
    TtlSnapshotFilter<ArrayList<TtlValue<String>>> filter = table.ttlSnapshotFilter();
    Map<Object, StateMap.Entry<Object, Object, ArrayList<TtlValue<String>>>> entries = entries(table);

    ArrayList<TtlValue<String>> mixed = entries.get("k").value();
    ArrayList<TtlValue<String>> filtered = filter.withoutExpired(mixed);
    assertThat(filtered).isNotSameAs(mixed).extracting(v -> v.value).containsExactly("late");
    assertThat(mixed).as("the live list is unchanged").hasSize(2);
    ArrayList<TtlValue<String>> fresh = entries.get("fresh").value();
    assertThat(filter.withoutExpired(fresh)).isSameAs(fresh);
    assertThat(filter.withoutExpired(entries.get("gone").value())).isNull();
  }

  @Test
  void when_someMapEntriesExpired_then_filterReturnsACopyWithoutThem() {
    MapState<String, Integer> state =
        backend.getMapState(withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), TTL));
    backend.setCurrentKey("k");
    state.put("early", 1);
    now = 60;
    state.put("late", 2);
    now = 120;

    @SuppressWarnings("unchecked")
    StateTable<Object, HashMap<String, TtlValue<Integer>>> table =
        (StateTable<Object, HashMap<String, TtlValue<Integer>>>) backend.table("m");
    HashMap<String, TtlValue<Integer>> live = entries(table).get("k").value();
    HashMap<String, TtlValue<Integer>> filtered = table.ttlSnapshotFilter().withoutExpired(live);

    assertThat(filtered).containsOnlyKeys("late");
    assertThat(live).containsOnlyKeys("early", "late");
    now = 200;
    assertThat(table.ttlSnapshotFilter().withoutExpired(live)).isNull();
  }

  @Test
  void when_filterIsTaken_then_itJudgesAtThatTimeWhateverTheClockDoesLater() {
    ValueState<Long> state = backend.getState(withTtl(new ValueStateDescriptor<>("v", Long.class), TTL));
    backend.setCurrentKey("k");
    state.update(1L);
    now = 99;
    StateTable<?, ?> table = backend.table("v");
    @SuppressWarnings("unchecked")
    TtlSnapshotFilter<Object> filter = (TtlSnapshotFilter<Object>) table.ttlSnapshotFilter();
    now = 500;

    int offset = entries(table).get("k").offset;
    assertThat(filter.time()).isEqualTo(99);
    assertThat(filter.isExpired(table.map(0).arena().data(), offset)).isFalse();
  }

  @Test
  void when_eventTime_then_filterCountsValuesWrittenBeforeTheFirstWatermarkFromIt() {
    StateTtlConfig eventTtl = StateTtlConfig.newBuilder(Duration.ofMillis(100)).useEventTime().cleanupFullSnapshot()
        .build();
    ValueState<Long> state = backend.getState(withTtl(new ValueStateDescriptor<>("v", Long.class), eventTtl));
    backend.setCurrentKey("k");
    state.update(1L);
    StateTable<?, ?> table = backend.table("v");
    int offset = entries(table).get("k").offset;
    byte[] data = table.map(0).arena().data();

    watermark.advance(1_000);
    assertThat(TtlValueSerializer.lastAccess(data, offset)).isEqualTo(Long.MIN_VALUE);
    assertThat(table.ttlSnapshotFilter().isExpired(data, offset)).isFalse();
    watermark.advance(1_099);
    assertThat(table.ttlSnapshotFilter().isExpired(data, offset)).isFalse();
    watermark.advance(1_100);
    assertThat(table.ttlSnapshotFilter().isExpired(data, offset)).isTrue();
  }

  @Test
  void when_noCleanupOnFullSnapshotOrNoTtl_then_thereIsNoFilter() {
    backend.getState(withTtl(new ValueStateDescriptor<>("ttl-only", Long.class),
        StateTtlConfig.newBuilder(Duration.ofMillis(100)).build()));
    backend.getState(new ValueStateDescriptor<>("plain", Long.class));

    assertThat(backend.table("ttl-only").ttlSnapshotFilter()).isNull();
    assertThat(backend.table("plain").ttlSnapshotFilter()).isNull();
    assertThat(backend.table("plain").ttlConfig()).isNull();
  }

  @Test
  void when_tableInspected_then_userValuesComeWithoutTimes() {
    ListState<String> list = backend.getListState(withTtl(new ListStateDescriptor<>("l", String.class), TTL));
    ValueState<Long> value = backend.getState(withTtl(new ValueStateDescriptor<>("v", Long.class), TTL));
    backend.setCurrentKey("k");
    list.add("a");
    list.add("b");
    value.update(7L);

    assertThat(table("l").userValue(0, "k", VoidNamespace.INSTANCE)).isEqualTo(List.of("a", "b"));
    assertThat(table("v").userValue(0, "k", VoidNamespace.INSTANCE)).isEqualTo(7L);
  }

  @SuppressWarnings("unchecked")
  private StateTable<Object, Object> table(String name) {
    return (StateTable<Object, Object>) backend.table(name);
  }
}
