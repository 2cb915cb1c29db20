package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateMapTest {
  private final StateMap<Object, Object, String> map = new StateMap<>();

  @Test
  void when_put_then_getReturnsValueAndSizeCounts() {
    map.put("a", VoidNamespace.INSTANCE, "1");
    map.put("b", VoidNamespace.INSTANCE, "2");

    assertThat(map.get("a", VoidNamespace.INSTANCE)).isEqualTo("1");
    assertThat(map.get("b", VoidNamespace.INSTANCE)).isEqualTo("2");
    assertThat(map.get("c", VoidNamespace.INSTANCE)).isNull();
    assertThat(map.size()).isEqualTo(2);
  }

  @Test
  void when_putSameKeyTwice_then_valueReplacedInSameEntry() {
    StateMap.Entry<Object, Object, String> first = map.put("a", VoidNamespace.INSTANCE, "1");
    StateMap.Entry<Object, Object, String> second = map.put("a", VoidNamespace.INSTANCE, "2");

    assertThat(second).isSameAs(first);
    assertThat(first.value()).isEqualTo("2");
    assertThat(map.size()).isEqualTo(1);
  }

  @Test
  void when_sameKeyInTwoNamespaces_then_twoIndependentEntries() {
    map.put("a", "window-1", "x");
    map.put("a", "window-2", "y");

    assertThat(map.get("a", "window-1")).isEqualTo("x");
    assertThat(map.get("a", "window-2")).isEqualTo("y");
    assertThat(map.size()).isEqualTo(2);
  }

  @Test
  void when_keysAreEqualButNotIdentical_then_foundAndRemoved() {
    map.put(new String("key"), VoidNamespace.INSTANCE, "v");

    assertThat(map.get(new String("key"), VoidNamespace.INSTANCE)).isEqualTo("v");
    assertThat(map.remove(new String("key"), VoidNamespace.INSTANCE)).isEqualTo("v");
    assertThat(map.size()).isZero();
  }

  @Test
  void when_entryValueSet_then_mapSeesIt() {
    map.put("a", VoidNamespace.INSTANCE, "1").setValue("2");

    assertThat(map.getEntry("a", VoidNamespace.INSTANCE).value()).isEqualTo("2");
  }

  @Test
  void when_removeAbsentKey_then_nullAndSizeUnchanged() {
    map.put("a", VoidNamespace.INSTANCE, "1");

    assertThat(map.remove("b", VoidNamespace.INSTANCE)).isNull();
    assertThat(map.remove("a", "other-namespace")).isNull();
    assertThat(map.size()).isEqualTo(1);
  }

  @Test
  void when_grownTo100kEntries_then_allFoundAndAllRemovable() {
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      map.put(i, VoidNamespace.INSTANCE, "v" + i);
    }
    assertThat(map.size()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(map.get(i, VoidNamespace.INSTANCE)).isEqualTo("v" + i);
    }

    for (int i = 0; i < n; i += 2) {
      assertThat(map.remove(i, VoidNamespace.INSTANCE)).isEqualTo("v" + i);
    }
    assertThat(map.size()).isEqualTo(n / 2);
    for (int i = 0; i < n; i++) {
      assertThat(map.get(i, VoidNamespace.INSTANCE)).isEqualTo(i % 2 == 0 ? null : "v" + i);
    }

    for (int i = 1; i < n; i += 2) {
      map.remove(i, VoidNamespace.INSTANCE);
    }
    assertThat(map.size()).isZero();
    map.forEach(e -> {
      throw new AssertionError("Entry left after removing all: " + e.key());
    });
  }

  @Test
  void when_forEach_then_visitsEveryEntryOnce() {
    for (int i = 0; i < 1000; i++) {
      map.put(i, VoidNamespace.INSTANCE, "v" + i);
    }
    Set<Object> seen = new HashSet<>();

    map.forEach(e -> assertThat(seen.add(e.key())).as("visited twice: %s", e.key()).isTrue());

    assertThat(seen).hasSize(1000);
  }
}
