package weir.runtime.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.StringSerializer;

/** Slice rings in snapshots: what a ring held comes back, in either mode, and foreign formats are refused. */
class SliceRing_codecTest {
  private static final int SLOT_WIDTH = 16;
  private final SerializerConfig config = new SerializerConfig();
  private final DataOutputSerializer scratch = new DataOutputSerializer(64);
  private final DataInputDeserializer in = new DataInputDeserializer();

  private static byte[] write(SliceRing.Codec<Object> codec, SliceRing<Object> ring) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    codec.write(ring, out);
    return out.copyOfBuffer();
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void when_a_binary_ring_is_written_and_read_then_its_slices_and_timer_are_back() throws Exception {
    StringSerializer strings = StringSerializer.INSTANCE;
    SliceRing<String> ring = new SliceRing<>(true, SLOT_WIDTH);
    ring.put(3, "a", strings, scratch);
    ring.put(19, "a slice whose accumulator is wider than a slot", strings, scratch); // same slot as 3 at 16 slots
    ring.put(4, "b", strings, scratch);
    ring.remove(4);
    ring.timer = 39;
    SliceRing.Codec<Object> codec = new SliceRing.Codec<>(true, SLOT_WIDTH, config);

    SliceRing<String> restored = (SliceRing) codec.read(new DataInputDeserializer(write(codec, (SliceRing) ring)));

    assertThat(restored.get(3, strings, in)).isEqualTo("a");
    assertThat(restored.get(19, strings, in)).isEqualTo("a slice whose accumulator is wider than a slot");
    assertThat(restored.get(4, strings, in)).isNull();
    assertThat(restored.minId()).isEqualTo(3);
    assertThat(restored.timer).isEqualTo(39);
    restored.remove(3);
    restored.remove(19);
    assertThat(restored.isEmpty()).isTrue();
  }

  @Test
  void when_a_ring_of_objects_is_written_and_read_then_it_holds_equal_copies() throws Exception {
    SliceRing<Object> ring = new SliceRing<>(false, SLOT_WIDTH);
    List<String> accumulator = new ArrayList<>(List.of("x", "y"));
    ring.put(7, accumulator, null, scratch);
    ring.timer = 99;
    SliceRing.Codec<Object> codec = new SliceRing.Codec<>(false, SLOT_WIDTH, config);

    SliceRing<Object> restored = codec.read(new DataInputDeserializer(write(codec, ring)));

    assertThat(restored.get(7, null, in)).isEqualTo(accumulator).isNotSameAs(accumulator);
    assertThat(restored.timer).isEqualTo(99);
  }

  @Test
  void when_the_operator_keeps_accumulators_in_another_mode_then_the_ring_is_refused() throws Exception {
    SliceRing<Object> ring = new SliceRing<>(false, SLOT_WIDTH);
    ring.put(1, "x", null, scratch);
    byte[] bytes = write(new SliceRing.Codec<>(false, SLOT_WIDTH, config), ring);

    assertThatThrownBy(() -> new SliceRing.Codec<>(true, SLOT_WIDTH, config).read(new DataInputDeserializer(bytes)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("kept as objects, but the operator now keeps them as bytes");
  }

  @Test
  void when_a_ring_has_an_unknown_format_version_then_it_is_refused() {
    byte[] bytes = {9, 0};
    assertThatThrownBy(() -> new SliceRing.Codec<>(true, SLOT_WIDTH, config).read(new DataInputDeserializer(bytes)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format version 9");
  }
}
