package weir.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static weir.api.datastream.WindowedStreamTest.javaRoundTrip;
import static weir.api.typeinfo.SerializerTesting.roundTrip;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.typeinfo.Compatibility;
import weir.api.typeinfo.DynamicSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeHint;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;

/** The type and serializer of the tagged records both inputs of a window join or coGroup become. */
class TaggedUnionSerializerTest {
  record Order(String id, long amount) {}

  /** Not a record and no POJO: no built-in serializer fits it. */
  static final class Opaque {
    final int value;

    Opaque(int value) {
      this.value = value;
    }
  }

  private final SerializerConfig config = new SerializerConfig();

  private TypeSerializer<TaggedUnion<Order, List<Integer>>> serializer() {
    return TaggedUnion.typeOf(TypeInfo.of(Order.class), TypeInfo.of(new TypeHint<List<Integer>>() {}), config)
        .createSerializer(config);
  }

  @Test
  void when_bothSidesHaveSerializers_then_unionsOfEitherSideRoundTrip() {
    TypeSerializer<TaggedUnion<Order, List<Integer>>> serializer = serializer();
    TaggedUnion<Order, List<Integer>> left = TaggedUnion.ofLeft(new Order("a", 3));
    TaggedUnion<Order, List<Integer>> right = TaggedUnion.ofRight(List.of(1, 2));

    assertThat(serializer).isInstanceOf(TaggedUnionSerializer.class);
    assertThat(roundTrip(serializer, left)).isEqualTo(left);
    assertThat(roundTrip(serializer, right)).isEqualTo(right);
  }

  @Test
  void when_aSideIsMutable_then_copiesOfItsUnionsShareNothingAndTheUnionTypeIsMutable() {
    TypeSerializer<TaggedUnion<Order, List<Integer>>> serializer = serializer();
    TaggedUnion<Order, List<Integer>> left = TaggedUnion.ofLeft(new Order("a", 3));
    TaggedUnion<Order, List<Integer>> right = TaggedUnion.ofRight(new ArrayList<>(List.of(1, 2)));

    assertThat(serializer.isImmutableType()).isFalse();
    assertThat(serializer.copy(left)).isSameAs(left);
    TaggedUnion<Order, List<Integer>> copy = serializer.copy(right);
    assertThat(copy).isEqualTo(right);
    assertThat(copy.right()).isNotSameAs(right.right());
  }

  @Test
  void when_theSerializerIsSnapshottedDuplicatedAndShipped_then_allAreEqualAndCompatible() throws Exception {
    TypeSerializer<TaggedUnion<Order, List<Integer>>> serializer = serializer();

    assertThat(serializer.duplicate()).isEqualTo(serializer).hasSameHashCodeAs(serializer);
    assertThat(javaRoundTrip(serializer)).isEqualTo(serializer);
    assertThat(serializer.snapshotConfiguration().resolveCompatibility(serializer()))
        .isEqualTo(Compatibility.COMPATIBLE_AS_IS);
    assertThat(TaggedUnion.typeOf(TypeInfo.of(Order.class), TypeInfo.of(String.class), config).createSerializer(config))
        .isNotEqualTo(serializer);
  }

  @Test
  void when_aSideIsUnknownOrHasNoSerializer_then_theUnionIsUnknownSoThatStateKeepsObjects() {
    assertThat(TaggedUnion.typeOf(TypeInfo.unknown(), TypeInfo.of(Order.class), config).isUnknown()).isTrue();
    assertThat(TaggedUnion.typeOf(TypeInfo.of(Order.class), TypeInfo.of(Opaque.class), config).isUnknown()).isTrue();
  }

  @Test
  void when_aUnionOfUnknownTypeIsSerializedDynamically_then_itsRecordComponentsAreToo() {
    TypeSerializer<Object> dynamic = new DynamicSerializer<>(config);
    TaggedUnion<Order, String> left = TaggedUnion.ofLeft(new Order("b", 7));
    TaggedUnion<Order, String> right = TaggedUnion.ofRight("payment");

    assertThat(roundTrip(dynamic, left)).isEqualTo(left);
    assertThat(roundTrip(dynamic, right)).isEqualTo(right);
  }
}
