package weir.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static weir.api.typeinfo.SerializerTesting.roundTrip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import weir.api.tuple.Tuple2;
import weir.api.tuple.Tuple3;
import weir.api.typeinfo.TestTypes.Basket;
import weir.api.typeinfo.TestTypes.Color;
import weir.api.typeinfo.TestTypes.Person;

class BuiltInSerializersTest {

  private static final SerializerConfig CONFIG = new SerializerConfig();

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of(BooleanSerializer.INSTANCE, true),
        Arguments.of(ByteSerializer.INSTANCE, (byte) -7),
        Arguments.of(ShortSerializer.INSTANCE, Short.MIN_VALUE),
        Arguments.of(IntSerializer.INSTANCE, Integer.MIN_VALUE),
        Arguments.of(LongSerializer.INSTANCE, Long.MAX_VALUE),
        Arguments.of(FloatSerializer.INSTANCE, Float.MIN_VALUE),
        Arguments.of(DoubleSerializer.INSTANCE, -0.0d),
        Arguments.of(CharSerializer.INSTANCE, '\uD83D'),
        Arguments.of(StringSerializer.INSTANCE, "h\u00e9llo \uD83D\uDE00 \u4e16\u754c\u0000"),
        Arguments.of(StringSerializer.INSTANCE, ""),
        Arguments.of(StringSerializer.INSTANCE, null),
        Arguments.of(PrimitiveArraySerializer.BOOLEAN, new boolean[] {true, false, true}),
        Arguments.of(PrimitiveArraySerializer.BYTE, new byte[] {1, -2, 3}),
        Arguments.of(PrimitiveArraySerializer.SHORT, new short[] {1, -2, Short.MAX_VALUE}),
        Arguments.of(PrimitiveArraySerializer.CHAR, new char[] {'a', '\u00e9', '\uFFFF'}),
        Arguments.of(PrimitiveArraySerializer.INT, new int[] {1, -2, Integer.MAX_VALUE}),
        Arguments.of(PrimitiveArraySerializer.LONG, new long[] {Long.MIN_VALUE, 0, 5}),
        Arguments.of(PrimitiveArraySerializer.FLOAT, new float[] {1.5f, Float.NEGATIVE_INFINITY}),
        Arguments.of(PrimitiveArraySerializer.DOUBLE, new double[] {Math.PI, Double.MIN_VALUE}),
        Arguments.of(PrimitiveArraySerializer.INT, new int[0]),
        Arguments.of(PrimitiveArraySerializer.INT, null),
        Arguments.of(new ObjectArraySerializer<>(String.class, StringSerializer.INSTANCE), new String[] {"a", null, "c"}),
        Arguments.of(new ObjectArraySerializer<>(String.class, StringSerializer.INSTANCE), null),
        Arguments.of(new EnumSerializer<>(Color.class), Color.BLUE),
        Arguments.of(CollectionSerializer.list(IntSerializer.INSTANCE), new ArrayList<>(Arrays.asList(1, null, 3))),
        Arguments.of(CollectionSerializer.set(StringSerializer.INSTANCE), Set.of("x", "y")),
        Arguments.of(new MapSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE, false), mapWithNulls()),
        Arguments.of(new OptionalSerializer<>(StringSerializer.INSTANCE), Optional.of("here")),
        Arguments.of(new OptionalSerializer<>(StringSerializer.INSTANCE), Optional.empty()),
        Arguments.of(serializer(new TypeHint<Tuple2<String, Long>>() {}), Tuple2.of("k", 3L)),
        Arguments.of(serializer(new TypeHint<Tuple2<String, Long>>() {}), Tuple2.of(null, null)),
        Arguments.of(serializer(new TypeHint<Tuple3<Integer, Color, List<String>>>() {}),
            Tuple3.of(1, Color.RED, List.of("a", "b"))),
        Arguments.of(TypeInfo.of(Person.class).createSerializer(CONFIG),
            new Person("ann", 31, Color.GREEN, Optional.of("a"))),
        Arguments.of(TypeInfo.of(Basket.class).createSerializer(CONFIG), basket()));
  }

  private static Map<String, Long> mapWithNulls() {
    Map<String, Long> m = new HashMap<>();
    m.put("a", 1L);
    m.put(null, 2L);
    m.put("c", null);
    return m;
  }

  static Basket basket() {
    Basket b = new Basket();
    b.id = 7L;
    b.owner = "bob";
    b.setOpen(true);
    b.setCounts(new ArrayList<>(List.of(new HashMap<>(Map.of("apples", 3)), new HashMap<>(Map.of("pears", 1, "figs", 2)))));
    return b;
  }

  private static <T> TypeSerializer<T> serializer(TypeHint<T> hint) {
    return TypeInfo.of(hint).createSerializer(CONFIG);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("values")
  <T> void when_roundTripped_then_equalValue(TypeSerializer<T> serializer, T value) {
    assertThat(roundTrip(serializer, value)).usingRecursiveComparison().isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("values")
  <T> void when_copied_then_equalAndDeepUnlessImmutable(TypeSerializer<T> serializer, T value) {
    T copy = serializer.copyNullable(value);
    assertThat(copy).usingRecursiveComparison().isEqualTo(value);
    if (value != null && !serializer.isImmutableType() && !(value instanceof Enum<?>)) {
      assertThat(copy).isNotSameAs(value);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  <T> void when_snapshotRestored_then_compatibleAndReadsSameBytes(TypeSerializer<T> serializer, T value) {
    TypeSerializerSnapshot<T> snapshot = SerializerTesting.javaRoundTrip(serializer.snapshotConfiguration());
    TypeSerializer<T> restored = snapshot.restoreSerializer();
    assertThat(snapshot.version()).isEqualTo(1);
    assertThat(snapshot.resolveCompatibility(serializer)).isEqualTo(Compatibility.COMPATIBLE_AS_IS);
    assertThat(restored).isEqualTo(serializer);
    assertThat(roundTrip(restored, value)).usingRecursiveComparison().isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  <T> void when_javaSerialized_then_equalAndWorking(TypeSerializer<T> serializer, T value) {
    TypeSerializer<T> shipped = SerializerTesting.javaRoundTrip(serializer);
    assertThat(shipped).isEqualTo(serializer).hasSameHashCodeAs(serializer);
    assertThat(roundTrip(shipped, value)).usingRecursiveComparison().isEqualTo(value);
  }

  @Test
  void when_nestedPojoCopied_then_innerCollectionsAreNotShared() {
    TypeSerializer<Basket> serializer = TypeInfo.of(Basket.class).createSerializer(CONFIG);
    Basket original = basket();
    Basket copy = serializer.copy(original);
    copy.getCounts().get(0).put("apples", 99);
    assertThat(original.getCounts().get(0)).containsEntry("apples", 3);
    assertThat(copy.cached()).isEqualTo(42);
  }

  @Test
  void when_recordHasOnlyImmutableComponents_then_copyIsIdentity() {
    TypeSerializer<Tuple2<String, Long>> serializer = serializer(new TypeHint<>() {});
    Tuple2<String, Long> t = Tuple2.of("a", 1L);
    assertThat(serializer.isImmutableType()).isTrue();
    assertThat(serializer.copy(t)).isSameAs(t);
  }

  @Test
  void when_recordHasMutableComponent_then_copyIsDeep() {
    TypeSerializer<Tuple2<String, List<String>>> serializer = serializer(new TypeHint<>() {});
    Tuple2<String, List<String>> t = Tuple2.of("a", new ArrayList<>(List.of("x")));
    Tuple2<String, List<String>> copy = serializer.copy(t);
    copy.f1().add("y");
    assertThat(t.f1()).containsExactly("x");
  }

  @Test
  void when_linkedTypesDeclared_then_orderKept() {
    TypeSerializer<LinkedHashMap<String, Integer>> maps = serializer(new TypeHint<>() {});
    LinkedHashMap<String, Integer> ordered = new LinkedHashMap<>();
    for (int i = 20; i > 0; i--) {
      ordered.put("k" + i, i);
    }
    assertThat(roundTrip(maps, ordered)).isInstanceOf(LinkedHashMap.class).containsExactlyEntriesOf(ordered);
    TypeSerializer<LinkedHashSet<Integer>> sets = serializer(new TypeHint<>() {});
    LinkedHashSet<Integer> set = new LinkedHashSet<>(List.of(5, 1, 4, 2));
    assertThat(roundTrip(sets, set)).isInstanceOf(LinkedHashSet.class).containsExactly(5, 1, 4, 2);
  }

  @Test
  void when_differentElementSerializer_then_incompatible() {
    TypeSerializer<List<Integer>> ints = CollectionSerializer.list(IntSerializer.INSTANCE);
    TypeSerializer<List<Integer>> longs = cast(CollectionSerializer.list(LongSerializer.INSTANCE));
    assertThat(ints.snapshotConfiguration().resolveCompatibility(longs)).isEqualTo(Compatibility.INCOMPATIBLE);
    TypeSerializer<Person> person = TypeInfo.of(Person.class).createSerializer(CONFIG);
    TypeSerializer<Person> other = cast(TypeInfo.of(Basket.class).createSerializer(CONFIG));
    assertThat(person.snapshotConfiguration().resolveCompatibility(other)).isEqualTo(Compatibility.INCOMPATIBLE);
  }

  @Test
  void when_enumOrderChanged_then_incompatibleButRestoredSerializerReadsOldBytes() throws Exception {
    EnumSerializer<Color> reordered = EnumSerializer.withOrder(Color.class, new String[] {"BLUE", "RED"});
    DataOutputSerializer out = new DataOutputSerializer(8);
    reordered.serialize(Color.BLUE, out);
    reordered.serialize(Color.GREEN, out);
    TypeSerializerSnapshot<Color> snapshot = reordered.snapshotConfiguration();

    assertThat(snapshot.resolveCompatibility(new EnumSerializer<>(Color.class))).isEqualTo(Compatibility.INCOMPATIBLE);
    TypeSerializer<Color> restored = snapshot.restoreSerializer();
    DataInputDeserializer in = new DataInputDeserializer(out.copyOfBuffer());
    assertThat(restored.deserialize(in)).isEqualTo(Color.BLUE);
    assertThat(restored.deserialize(in)).isEqualTo(Color.GREEN);
  }

  @Test
  void when_enumConstantsAppended_then_compatible() {
    EnumSerializer<Color> old = EnumSerializer.withOrder(Color.class, new String[] {"RED", "GREEN"});
    assertThat(old.snapshotConfiguration().resolveCompatibility(new EnumSerializer<>(Color.class)))
        .isEqualTo(Compatibility.COMPATIBLE_AS_IS);
  }

  @SuppressWarnings("unchecked")
  private static <T> TypeSerializer<T> cast(TypeSerializer<?> s) {
    return (TypeSerializer<T>) s;
  }
}
