package weir.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static weir.api.typeinfo.SerializerTesting.roundTrip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import weir.api.tuple.Tuple2;
import weir.api.typeinfo.TestTypes.Bid;
import weir.api.typeinfo.TestTypes.Color;
import weir.api.typeinfo.TestTypes.Holder;
import weir.api.typeinfo.TestTypes.Node;
import weir.api.typeinfo.TestTypes.Op;

class DynamicSerializerTest {

  private final TypeSerializer<Object> serializer = TypeInfo.unknown().createSerializer(new SerializerConfig());

  @Test
  void when_valuesOfVariousClasses_then_roundTrip() {
    Object[] values = {
      42, "text", 3.5d, 'c', Color.RED, Op.MINUS, new int[] {1, 2},
      new Bid(1, 2, 3, "web"),
      Tuple2.of("k", List.of(1L, 2L)),
      List.of("a", "b"), Set.of(1, 2, 3), Map.of("x", Optional.of(1)),
      new Node("a", new Node("b", null)),
      BuiltInSerializersTest.basket(),
    };
    for (Object value : values) {
      assertThat(roundTrip(serializer, value)).usingRecursiveComparison().isEqualTo(value);
    }
    assertThat(roundTrip(serializer, null)).isNull();
  }

  @Test
  void when_copied_then_deepForMutable() {
    List<String> list = new ArrayList<>(List.of("a"));
    Object copy = serializer.copy(list);
    assertThat(copy).isEqualTo(list).isNotSameAs(list);
    assertThat(serializer.copy("same")).isSameAs("same");
    assertThat(serializer.copy(null)).isNull();
  }

  @Test
  void when_runtimeClassUnserializable_then_messageNamesClass() {
    assertThatThrownBy(() -> roundTrip(serializer, new Holder("x")))
        .isInstanceOf(InvalidTypeException.class)
        .hasMessageContaining(Holder.class.getName())
        .hasMessageContaining("at field 'payload'");
  }

  @Test
  void when_duplicatedOrShipped_then_independentButEqual() {
    TypeSerializer<Object> duplicate = serializer.duplicate();
    assertThat(duplicate).isNotSameAs(serializer).isEqualTo(serializer);
    TypeSerializer<Object> shipped = SerializerTesting.javaRoundTrip(serializer);
    assertThat(roundTrip(shipped, new Bid(1, 2, 3, "x"))).isEqualTo(new Bid(1, 2, 3, "x"));
    assertThat(serializer.snapshotConfiguration().resolveCompatibility(shipped)).isEqualTo(Compatibility.COMPATIBLE_AS_IS);
  }
}
