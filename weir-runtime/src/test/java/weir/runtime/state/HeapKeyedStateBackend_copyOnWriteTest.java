package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.LongSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeSerializer;

/**
 * What {@link HeapKeyedStateBackend#beginSnapshot()} froze is what {@link KeyedStateSnapshot#write()}
 * writes, however the subtask changes its state meanwhile (values kept as objects in place too:
 * they are copy-on-write) and whichever thread writes.
 */
class HeapKeyedStateBackend_copyOnWriteTest {
  private static final int MAX_PARALLELISM = 128;
  private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
  private final ExecutorService writer = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopWriter() {
    writer.shutdownNow();
  }

  /** The states of the test, registered on one backend. */
  private static final class States {
    final HeapKeyedStateBackend backend;
    final ValueState<Long> sum;
    final ListState<String> seen;
    final MapState<String, Integer> counts;
    final ValueState<List<Long>> inPlace;

    States(HeapKeyedStateBackend backend) {
      this.backend = backend;
      this.sum = backend.getState(new ValueStateDescriptor<>("sum", Long.class));
      this.seen = backend.getListState(new ListStateDescriptor<>("seen", String.class));
      this.counts = backend.getMapState(new MapStateDescriptor<>("counts", String.class, Integer.class));
      this.inPlace = backend.getInPlaceState("inPlace", HeapKeyedStateBackend_snapshotTest.Longs::new);
    }
  }

  /** What a key holds, in plain Java. */
  private record Model(Map<Long, Long> sum, Map<Long, List<String>> seen, Map<Long, Map<String, Integer>> counts,
      Map<Long, List<Long>> inPlace) {
    Model() {
      this(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    Model deepCopy() {
      Model copy = new Model();
      copy.sum.putAll(sum);
      seen.forEach((k, v) -> copy.seen.put(k, new ArrayList<>(v)));
      counts.forEach((k, v) -> copy.counts.put(k, new HashMap<>(v)));
      inPlace.forEach((k, v) -> copy.inPlace.put(k, new ArrayList<>(v)));
      return copy;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static HeapKeyedStateBackend backend(Map<Integer, byte[]> restored) {
    return new HeapKeyedStateBackend("op", ALL, MAX_PARALLELISM, new SerializerConfig(), () -> 0L,
        new WatermarkClock(), (TypeSerializer) LongSerializer.INSTANCE, restored);
  }

  @Test
  void when_values_change_after_the_snapshot_began_then_it_still_writes_the_values_it_froze() throws Exception {
    States live = new States(backend(Map.of()));
    Model model = new Model();
    for (long k = 0; k < 2_000; k++) {
      change(live, model, k, (int) k);
    }
    KeyedStateSnapshot snapshot = live.backend.beginSnapshot();
    Model frozen = model.deepCopy();
    // every kind of change: in place, replaced, removed, new keys (the tables grow)
    for (long k = 0; k < 6_000; k++) {
      change(live, model, k % 3 == 0 ? k : k + 10_000, (int) (k * 7));
    }
    assertRestores(snapshot.write(), frozen);
    assertRestores(live.backend.snapshot(), model);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void when_snapshots_are_written_on_another_thread_while_the_subtask_goes_on_then_each_is_as_frozen(long seed)
      throws Exception {
    Random random = new Random(seed);
    States live = new States(backend(Map.of()));
    Model model = new Model();
    List<Future<Map<Integer, byte[]>>> written = new ArrayList<>();
    List<Model> expected = new ArrayList<>();
    for (int round = 0; round < 25; round++) {
      int changes = random.nextInt(2_000);
      for (int i = 0; i < changes; i++) {
        change(live, model, random.nextInt(3_000), random.nextInt(10));
      }
      KeyedStateSnapshot snapshot = live.backend.beginSnapshot();
      expected.add(model.deepCopy());
      // some are written at once, others while later changes and snapshots go on
      Future<Map<Integer, byte[]>> future = writer.submit(snapshot::write);
      if (random.nextBoolean()) {
        future.get();
      }
      written.add(future);
    }
    for (int i = 0; i < written.size(); i++) {
      assertRestores(written.get(i).get(), expected.get(i));
    }
  }

  @Test
  void when_two_snapshots_freeze_the_same_contents_then_both_write_them() throws Exception {
    States live = new States(backend(Map.of()));
    Model model = new Model();
    for (long k = 0; k < 500; k++) {
      change(live, model, k, 1);
    }
    KeyedStateSnapshot first = live.backend.beginSnapshot();
    KeyedStateSnapshot second = live.backend.beginSnapshot();
    Model frozen = model.deepCopy();
    for (long k = 0; k < 500; k++) {
      change(live, model, k, 2);
    }
    assertRestores(second.write(), frozen);
    assertRestores(first.write(), frozen);
  }

  @Test
  void when_a_value_kept_as_an_object_is_read_after_a_snapshot_began_then_the_subtask_gets_its_own_copy_once()
      throws Exception {
    States live = new States(backend(Map.of()));
    live.backend.setCurrentKey(7L);
    List<Long> original = new ArrayList<>(List.of(1L, 2L));
    live.inPlace.update(original);
    assertThat(live.inPlace.value()).isSameAs(original); // no snapshot: no copy
    KeyedStateSnapshot snapshot = live.backend.beginSnapshot();
    List<Long> own = live.inPlace.value();
    assertThat(own).isNotSameAs(original).isEqualTo(original);
    assertThat(live.inPlace.value()).isSameAs(own); // copied once
    own.add(3L);
    Model frozen = new Model();
    frozen.inPlace.put(7L, List.of(1L, 2L));
    assertRestores(snapshot.write(), frozen);
  }

  /** One change of key {@code key}, chosen by {@code how}, to the states and the model alike. */
  private static void change(States s, Model m, long key, int how) throws Exception {
    s.backend.setCurrentKey(key);
    switch (how % 10) {
      case 0, 1 -> {
        long v = m.sum.merge(key, (long) how, Long::sum);
        s.sum.update(v);
      }
      case 2 -> {
        s.seen.add("e" + how);
        m.seen.computeIfAbsent(key, k -> new ArrayList<>()).add("e" + how);
      }
      case 3 -> {
        s.counts.put("c" + (key % 3), how);
        m.counts.computeIfAbsent(key, k -> new HashMap<>()).put("c" + (key % 3), how);
      }
      case 4, 5 -> {
        List<Long> list = s.inPlace.value();
        if (list == null) {
          list = new ArrayList<>();
          s.inPlace.update(list);
        }
        list.add((long) how); // in place, no write back
        m.inPlace.computeIfAbsent(key, k -> new ArrayList<>()).add((long) how);
      }
      case 6 -> {
        s.sum.clear();
        m.sum.remove(key);
      }
      case 7 -> {
        s.seen.clear();
        s.counts.clear();
        m.seen.remove(key);
        m.counts.remove(key);
      }
      case 8 -> {
        s.inPlace.clear();
        m.inPlace.remove(key);
      }
      default -> {
        List<Long> list = s.inPlace.value();
        if (list != null && !list.isEmpty()) {
          list.remove(0);
          m.inPlace.get(key).remove(0);
        }
      }
    }
  }

  private static void assertRestores(Map<Integer, byte[]> snapshot, Model expected) throws Exception {
    States restored = new States(backend(snapshot));
    Model actual = new Model();
    for (long k = 0; k < 20_000; k++) {
      restored.backend.setCurrentKey(k);
      Long sum = restored.sum.value();
      if (sum != null) {
        actual.sum.put(k, sum);
      }
      Iterable<String> seen = restored.seen.get();
      if (seen != null && seen.iterator().hasNext()) {
        List<String> list = new ArrayList<>();
        seen.forEach(list::add);
        actual.seen.put(k, list);
      }
      Map<String, Integer> counts = new HashMap<>();
      for (Map.Entry<String, Integer> e : restored.counts.entries()) {
        counts.put(e.getKey(), e.getValue());
      }
      if (!counts.isEmpty()) {
        actual.counts.put(k, counts);
      }
      List<Long> inPlace = restored.inPlace.value();
      if (inPlace != null) {
        actual.inPlace.put(k, new ArrayList<>(inPlace));
      }
    }
    assertThat(actual.sum).isEqualTo(expected.sum);
    assertThat(actual.seen).isEqualTo(expected.seen);
    assertThat(actual.counts).isEqualTo(expected.counts);
    assertThat(actual.inPlace).isEqualTo(expected.inPlace);
  }
}
