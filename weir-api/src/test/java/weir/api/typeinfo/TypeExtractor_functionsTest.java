package weir.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import weir.api.tuple.Tuple2;
import weir.api.typeinfo.TestTypes.Bid;

class TypeExtractor_functionsTest {

  /** A Flink-style map function. */
  interface MapFn<I, O> extends Serializable {
    O map(I in);
  }

  /** A sub-interface that renames and reorders the type parameters of its super-interface. */
  interface KeyFn<K, V> extends MapFn<V, K> {
  }

  /** Output appears inside the return type. */
  interface FlatMapFn<I, O> extends Serializable {
    Iterable<O> flatMap(I in);
  }

  /** Output appears only in a parameter: erased for lambdas. */
  interface CollectFn<I, O> extends Serializable {
    void flatMap(I in, Consumer<O> out);
  }

  /** Generic class whose type argument is not known from the instance. */
  static final class Identity<T> implements MapFn<T, T> {
    @Override
    public T map(T in) {
      return in;
    }
  }

  /** Named class binding the type through an abstract generic superclass. */
  abstract static class ToPair<X> implements MapFn<String, Tuple2<String, X>> {
  }

  static final class ToLengthPair extends ToPair<Integer> {
    @Override
    public Tuple2<String, Integer> map(String in) {
      return Tuple2.of(in, in.length());
    }
  }

  static List<String> split(String line) {
    return Arrays.asList(line.split(" "));
  }

  private final SerializerConfig config = new SerializerConfig();

  private TypeInfo<?> outputOf(Object fn, Class<?> iface, int index) {
    return TypeExtractor.outputTypeOf(fn, iface, index, config);
  }

  @Test
  void when_anonymousClass_then_declaredTypeArgument() {
    MapFn<String, List<Long>> fn = new MapFn<>() {
      @Override
      public List<Long> map(String in) {
        return List.of((long) in.length());
      }
    };
    assertThat(outputOf(fn, MapFn.class, 1).type().getTypeName()).isEqualTo("java.util.List<java.lang.Long>");
    assertThat(outputOf(fn, MapFn.class, 0).typeClass()).isEqualTo(String.class);
  }

  @Test
  void when_typeBoundThroughSuperclass_then_resolved() {
    assertThat(outputOf(new ToLengthPair(), MapFn.class, 1).type().getTypeName())
        .isEqualTo("weir.api.tuple.Tuple2<java.lang.String, java.lang.Integer>");
  }

  @Test
  void when_lambdaWithConcreteReturnType_then_thatType() {
    MapFn<String, Integer> fn = s -> s.length();
    assertThat(outputOf(fn, MapFn.class, 1)).isEqualTo(TypeInfo.of(Integer.class));
  }

  @Test
  void when_methodReferenceToRecordAccessor_then_boxedReturnType() {
    MapFn<Bid, Long> byAuction = Bid::auction;
    MapFn<Bid, String> byChannel = Bid::channel;
    assertThat(outputOf(byAuction, MapFn.class, 1)).isEqualTo(TypeInfo.of(Long.class));
    assertThat(outputOf(byChannel, MapFn.class, 1)).isEqualTo(TypeInfo.of(String.class));
  }

  @Test
  void when_staticMethodReferenceReturnsGenericList_then_fullGenericType() {
    MapFn<String, List<String>> fn = TypeExtractor_functionsTest::split;
    TypeInfo<?> info = outputOf(fn, MapFn.class, 1);
    assertThat(info.type().getTypeName()).isEqualTo("java.util.List<java.lang.String>");
    assertThat(info.createSerializer(config)).isEqualTo(CollectionSerializer.list(StringSerializer.INSTANCE));
  }

  @Test
  void when_constructorReference_then_constructedClass() {
    MapFn<String, StringBuilder> fn = StringBuilder::new;
    assertThatThrownBy(() -> outputOf(fn, MapFn.class, 1))
        .isInstanceOf(InvalidTypeException.class).hasMessageContaining("java.lang.StringBuilder");
    MapFn<String, TestTypes.Entity> entity = s -> new TestTypes.Entity();
    assertThat(outputOf(entity, MapFn.class, 1).typeClass()).isEqualTo(TestTypes.Entity.class);
  }

  @Test
  void when_outputNestedInReturnType_then_matched() {
    FlatMapFn<String, String> fn = TypeExtractor_functionsTest::split;
    assertThat(outputOf(fn, FlatMapFn.class, 1)).isEqualTo(TypeInfo.of(String.class));
  }

  @Test
  void when_subInterfaceReordersParameters_then_mappedToSamReturn() {
    KeyFn<Long, Bid> fn = Bid::auction;
    assertThat(outputOf(fn, KeyFn.class, 0)).isEqualTo(TypeInfo.of(Long.class));
    assertThat(outputOf(fn, KeyFn.class, 1).isUnknown()).isTrue();
  }

  @Test
  void when_typeErased_then_unknown() {
    CollectFn<String, Integer> collector = (s, out) -> out.accept(s.length());
    assertThat(outputOf(collector, CollectFn.class, 1).isUnknown()).isTrue();
    assertThat(outputOf(new Identity<String>(), MapFn.class, 1).isUnknown()).isTrue();
    MapFn<String, List<String>> rawInLambda = s -> List.of(s);
    assertThat(outputOf(rawInLambda, MapFn.class, 1).isUnknown()).isTrue();
    java.util.function.Function<String, Integer> notSerializable = String::length;
    assertThat(outputOf(notSerializable, java.util.function.Function.class, 1).isUnknown()).isTrue();
  }

  @Test
  void when_badArguments_then_illegalArgument() {
    MapFn<String, Integer> fn = String::length;
    assertThatThrownBy(() -> outputOf(fn, MapFn.class, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> outputOf(fn, FlatMapFn.class, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
