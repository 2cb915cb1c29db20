package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.typeinfo.SerializerConfig;

class HeapKeyedStateBackend_namespacesTest {
  private final HeapKeyedStateBackend backend =
      new HeapKeyedStateBackend("op", new KeyGroupRange(0, 127), 128, new SerializerConfig(), () -> 0,
          new WatermarkClock());

  @Test
  @SuppressWarnings("unchecked")
  void when_namespaces_differ_then_values_are_separate_and_merging_moves_them_into_the_target() throws Exception {
    ReducingState<Long> sum = backend.getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
    InternalMergingState<String> ns = (InternalMergingState<String>) sum;
    backend.setCurrentKey("k");
    for (String window : List.of("w1", "w2", "w3")) {
      ns.setCurrentNamespace(window);
      sum.add(10L);
      sum.add((long) window.charAt(1) - '0');
    }
    ns.setCurrentNamespace("w2");
    assertThat(sum.get()).isEqualTo(12L);
    ns.mergeNamespaces("w1", List.of("w2", "w3"));
    assertThat(sum.get()).as("current namespace kept, its value moved").isNull();
    ns.setCurrentNamespace("w1");
    assertThat(sum.get()).isEqualTo(11L + 12L + 13L);
    backend.setCurrentKey("other");
    assertThat(sum.get()).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void when_list_namespaces_merge_then_the_target_holds_all_elements() throws Exception {
    ListState<String> list = backend.getListState(new ListStateDescriptor<>("list", String.class));
    InternalMergingState<Integer> ns = (InternalMergingState<Integer>) list;
    backend.setCurrentKey("k");
    ns.setCurrentNamespace(1);
    list.add("a");
    ns.setCurrentNamespace(2);
    list.add("b");
    list.add("c");
    ns.mergeNamespaces(3, List.of(1, 2));
    ns.setCurrentNamespace(3);
    assertThat(list.get()).containsExactlyInAnyOrder("a", "b", "c");
    ns.setCurrentNamespace(1);
    assertThat(list.get()).isEmpty();
  }
}
