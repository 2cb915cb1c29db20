package weir.runtime.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.StringSerializer;

/**
 * A key's sessions in snapshots: bounds, accumulators and timer come back, in either mode. The
 * header and accumulator format it shares with slice rings is checked by {@link SliceRing_codecTest}.
 */
class KeySessions_codecTest {
  private static final int SLOT_WIDTH = 16;
  private final SerializerConfig config = new SerializerConfig();
  private final DataOutputSerializer scratch = new DataOutputSerializer(64);
  private final DataInputDeserializer in = new DataInputDeserializer();

  private static <A> byte[] write(KeySessions.Codec<A> codec, KeySessions<A> sessions) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    codec.write(sessions, out);
    return out.copyOfBuffer();
  }

  @Test
  void when_binary_sessions_are_written_and_read_then_their_bounds_accumulators_and_timer_are_back() throws Exception {
    StringSerializer strings = StringSerializer.INSTANCE;
    KeySessions<String> sessions = new KeySessions<>(true, SLOT_WIDTH);
    sessions.insert(0, 10, 20);
    sessions.setAccumulatorAt(0, "a", strings, scratch);
    sessions.insert(1, 30, 45);
    sessions.setAccumulatorAt(1, "an accumulator wider than a slot", strings, scratch);
    sessions.insert(2, 50, 60);
    sessions.setAccumulatorAt(2, "c", strings, scratch);
    sessions.remove(2);
    sessions.timer = 19;
    KeySessions.Codec<String> codec = new KeySessions.Codec<>(true, SLOT_WIDTH, config);

    KeySessions<String> restored = codec.read(new DataInputDeserializer(write(codec, sessions)));

    assertThat(restored.size()).isEqualTo(2);
    assertThat(List.of(restored.start(0), restored.end(0), restored.start(1), restored.end(1)))
        .containsExactly(10L, 20L, 30L, 45L);
    assertThat(restored.accumulatorAt(0, strings, in)).isEqualTo("a");
    assertThat(restored.accumulatorAt(1, strings, in)).isEqualTo("an accumulator wider than a slot");
    assertThat(restored.timer).isEqualTo(19);
  }

  @Test
  void when_sessions_of_objects_are_written_and_read_then_they_hold_equal_copies() throws Exception {
    KeySessions<Object> sessions = new KeySessions<>(false, SLOT_WIDTH);
    List<String> accumulator = new ArrayList<>(List.of("x", "y"));
    sessions.insert(0, 5, 9);
    sessions.setAccumulatorAt(0, accumulator, null, scratch);
    sessions.timer = 8;
    KeySessions.Codec<Object> codec = new KeySessions.Codec<>(false, SLOT_WIDTH, config);

    KeySessions<Object> restored = codec.read(new DataInputDeserializer(write(codec, sessions)));

    assertThat(restored.accumulatorAt(0, null, in)).isEqualTo(accumulator).isNotSameAs(accumulator);
    assertThat(restored.timer).isEqualTo(8);
  }
}
