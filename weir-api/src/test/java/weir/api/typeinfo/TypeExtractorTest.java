package weir.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static weir.api.typeinfo.SerializerTesting.roundTrip;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import weir.api.tuple.Tuple2;
import weir.api.typeinfo.TestTypes.Basket;
import weir.api.typeinfo.TestTypes.Color;
import weir.api.typeinfo.TestTypes.Holder;
import weir.api.typeinfo.TestTypes.Node;
import weir.api.typeinfo.TestTypes.Op;
import weir.api.typeinfo.TestTypes.Order;
import weir.api.typeinfo.TestTypes.Ordered;
import weir.api.typeinfo.TestTypes.RawHolder;
import weir.api.typeinfo.TestTypes.Sealed;
import weir.api.typeinfo.TestTypes.StringBox;
import weir.api.typeinfo.TestTypes.WildcardHolder;
import weir.api.typeinfo.TestTypes.WithArrays;
import weir.api.typeinfo.TestTypes.WithInterface;

class TypeExtractorTest {

  private final SerializerConfig config = new SerializerConfig();

  private TypeSerializer<?> serializerOf(Type type) {
    return TypeExtractor.forType(type, config).createSerializer(config);
  }

  @Test
  void when_parameterizedList_then_collectionOfElementSerializer() {
    Type type = new TypeHint<List<String>>() {}.type();
    assertThat(serializerOf(type)).isEqualTo(CollectionSerializer.list(StringSerializer.INSTANCE));
  }

  @Test
  void when_nestedGenerics_then_resolvedRecursively() {
    Type type = new TypeHint<Map<String, List<Optional<Color>>>>() {}.type();
    assertThat(serializerOf(type)).isEqualTo(new MapSerializer<>(StringSerializer.INSTANCE,
        CollectionSerializer.list(new OptionalSerializer<>(new EnumSerializer<>(Color.class))), false));
  }

  @Test
  void when_primitivesAndArrays_then_builtIns() {
    assertThat(serializerOf(int.class)).isSameAs(IntSerializer.INSTANCE);
    assertThat(serializerOf(long[].class)).isSameAs(PrimitiveArraySerializer.LONG);
    assertThat(serializerOf(new TypeHint<List<String>[]>() {}.type())).isInstanceOf(ObjectArraySerializer.class);
  }

  @Test
  void when_recordWithArrays_then_roundTrips() {
    @SuppressWarnings("unchecked")
    TypeSerializer<WithArrays> s = (TypeSerializer<WithArrays>) serializerOf(WithArrays.class);
    WithArrays value = new WithArrays(new int[] {1, 2}, new String[] {"a", null}, new long[][] {{1L}, {}, null});
    assertThat(roundTrip(s, value)).usingRecursiveComparison().isEqualTo(value);
  }

  @Test
  void when_enumConstantHasBody_then_enumSerializerOfDeclaringEnum() {
    assertThat(serializerOf(Op.PLUS.getClass())).isEqualTo(new EnumSerializer<>(Op.class));
  }

  @Test
  void when_genericSuperclassField_then_typeVariableResolved() {
    assertThat(serializerOf(StringBox.class).toString()).contains("value: StringSerializer");
  }

  @Test
  void when_pojoWithNestedCollections_then_pojoSerializer() {
    TypeSerializer<?> s = serializerOf(Basket.class);
    assertThat(s).isInstanceOf(PojoSerializer.class);
    assertThat(s.toString()).contains("id: LongSerializer", "owner: StringSerializer",
        "counts: CollectionSerializer[ARRAY_LIST, MapSerializer[StringSerializer -> IntSerializer]]",
        "open: BooleanSerializer").doesNotContain("cached");
  }

  @Test
  void when_linkedHashMapDeclared_then_linkedMapSerializer() {
    assertThat(serializerOf(Ordered.class).toString()).contains("linked");
  }

  @Test
  void when_registeredSerializer_then_itWins() {
    config.registerSerializer(String.class, new UpperCaseSerializer());
    assertThat(serializerOf(new TypeHint<Tuple2<String, Integer>>() {}.type()).toString())
        .contains("f0: UpperCase");
  }

  @Test
  void when_objectFieldDeepInside_then_messageNamesTypeAndFieldPath() {
    assertThatThrownBy(() -> TypeExtractor.forType(Order.class, config))
        .isInstanceOf(InvalidTypeException.class)
        .hasMessageContaining("Cannot serialize type '" + Order.class.getName() + "'")
        .hasMessageContaining("at field 'customer.address.location' (java.lang.Object)")
        .hasMessageContaining("registerSerializer(java.lang.Object.class, ...)")
        .hasMessageContaining("enableGenericTypes()");
  }

  @Test
  void when_genericTypesEnabledWithoutProvider_then_messageSaysSo() {
    config.enableGenericTypes();
    assertThatThrownBy(() -> TypeExtractor.forType(Holder.class, config))
        .isInstanceOf(InvalidTypeException.class)
        .hasMessageContaining("at field 'payload'")
        .hasMessageContaining("no GenericSerializerProvider is on the class path");
  }

  @Test
  void when_unsupportedShapes_then_reasonNamed() {
    assertFails(RawHolder.class, "at field 'items' (java.util.List)", "raw type");
    assertFails(WildcardHolder.class, "at field 'numbers[element]'", "wildcard");
    assertFails(WithInterface.class, "at field 'text' (java.lang.CharSequence)", "interface");
    assertFails(Sealed.class, "(" + Sealed.class.getName() + ")", "field 'secret' is not public and has no public getter/setter");
    assertFails(Node.class, "at field 'next'", "contains itself");
    assertFails(Thread.class, "(java.lang.Thread)", "JDK class");
    assertFails(Enum.class, "(java.lang.Enum)", "abstract class");
    assertFails(new TypeHint<Map<String, Object>>() {}.type(), "at field '[value]'", "java.lang.Object");
  }

  private void assertFails(Type type, String where, String reason) {
    assertThatThrownBy(() -> TypeExtractor.forType(type, config))
        .isInstanceOf(InvalidTypeException.class)
        .hasMessageContaining(where)
        .hasMessageContaining(reason);
  }

  @Test
  void when_typeHintHasTypeVariable_then_rejected() {
    assertThatThrownBy(TypeExtractorTest::hintWithVariable).isInstanceOf(InvalidTypeException.class)
        .hasMessageContaining("concrete");
  }

  private static <T> TypeInfo<List<T>> hintWithVariable() {
    return TypeInfo.of(new TypeHint<List<T>>() {});
  }

  @Test
  void when_typeInfoJavaSerialized_then_equalAndCreatesSameSerializer() {
    TypeInfo<?>[] infos = {
      TypeInfo.of(Basket.class),
      TypeInfo.of(new TypeHint<Map<String, List<Tuple2<Color, Long>>>>() {}),
      TypeInfo.of(new TypeHint<List<String>[]>() {}),
      TypeInfo.of(String.class, StringSerializer.INSTANCE),
      TypeInfo.unknown(),
    };
    for (TypeInfo<?> info : infos) {
      TypeInfo<?> shipped = SerializerTesting.javaRoundTrip(info);
      assertThat(shipped).isEqualTo(info);
      assertThat(shipped.createSerializer(config)).isEqualTo(info.createSerializer(config));
    }
  }

  @Test
  void when_typeInfoOfHint_then_classAndTypeExposed() {
    TypeInfo<LinkedHashMap<String, Integer>> info = TypeInfo.of(new TypeHint<>() {});
    assertThat(info.typeClass()).isEqualTo(LinkedHashMap.class);
    assertThat(info.type().getTypeName()).isEqualTo("java.util.LinkedHashMap<java.lang.String, java.lang.Integer>");
    assertThat(info.isUnknown()).isFalse();
    assertThat(TypeInfo.unknown().isUnknown()).isTrue();
  }

  /** A user serializer, to check that registration wins. */
  static final class UpperCaseSerializer extends ImmutableSerializer<String> {
    @Override
    public void serialize(String value, DataOutputView out) throws java.io.IOException {
      out.writeString(value.toUpperCase());
    }

    @Override
    public String deserialize(DataInputView in) throws java.io.IOException {
      return in.readString();
    }
  }
}
