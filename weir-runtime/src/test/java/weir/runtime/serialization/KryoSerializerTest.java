package weir.runtime.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weir.api.typeinfo.Compatibility;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.InvalidTypeException;
import weir.api.typeinfo.PojoSerializer;
import weir.api.typeinfo.RecordSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeExtractor;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;

class KryoSerializerTest {

  record Envelope(String id, Object payload) {
  }

  /** No no-argument constructor: Kryo must instantiate it through Objenesis. */
  static final class Point {
    final int x;
    final int y;

    Point(int x, int y) {
      this.x = x;
      this.y = y;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Point p && p.x == x && p.y == y;
    }

    @Override
    public int hashCode() {
      return 31 * x + y;
    }
  }

  /** A POJO whose only problem is a field typed as Object. */
  public static class Event {
    public String name;
    public Object detail;
  }

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(value, out);
    serializer.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.copyOfBuffer());
    T first = serializer.deserialize(in);
    assertThat(serializer.deserialize(in)).usingRecursiveComparison().isEqualTo(first);
    assertThat(in.available()).isZero();
    return first;
  }

  @SuppressWarnings("unchecked")
  private static <T> T javaRoundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void when_objectFieldWithoutGenericTypes_then_errorNamesTypeAndField() {
    assertThatThrownBy(() -> TypeExtractor.forType(Envelope.class, new SerializerConfig()))
        .isInstanceOf(InvalidTypeException.class)
        .hasMessageContaining(Envelope.class.getName())
        .hasMessageContaining("at field 'payload' (java.lang.Object)");
  }

  @Test
  void when_genericTypesEnabled_then_onlyTheObjectFieldUsesKryo() throws IOException {
    SerializerConfig config = new SerializerConfig().enableGenericTypes();
    TypeSerializer<Envelope> serializer = TypeExtractor.<Envelope>forType(Envelope.class, config)
        .createSerializer(config);
    assertThat(serializer).isInstanceOf(RecordSerializer.class);
    assertThat(serializer.toString()).contains("id: StringSerializer", "payload: KryoSerializer[java.lang.Object]");

    for (Object payload : new Object[] {new Point(1, 2), List.of("a", "b"), Map.of("k", 1L), 7, null}) {
      Envelope e = new Envelope("e", payload);
      assertThat(roundTrip(serializer, e)).isEqualTo(e);
    }
  }

  @Test
  void when_pojoWithObjectFieldAndGenericTypes_then_roundTripsAndCopiesDeep() throws IOException {
    SerializerConfig config = new SerializerConfig().enableGenericTypes();
    TypeSerializer<Event> serializer = TypeInfo.of(Event.class).createSerializer(config);
    assertThat(serializer).isInstanceOf(PojoSerializer.class);
    Event event = new Event();
    event.name = "click";
    event.detail = new ArrayList<>(List.of(new Point(3, 4)));
    assertThat(roundTrip(serializer, event)).usingRecursiveComparison().isEqualTo(event);
    Event copy = serializer.copy(event);
    assertThat(copy.detail).isEqualTo(event.detail).isNotSameAs(event.detail);
  }

  @Test
  void when_unknownTypeWithGenericTypes_then_dynamicFallsBackToKryoPerClass() throws IOException {
    SerializerConfig config = new SerializerConfig().enableGenericTypes();
    TypeSerializer<Object> dynamic = TypeInfo.unknown().createSerializer(config);
    assertThat(roundTrip(dynamic, new Point(5, 6))).isEqualTo(new Point(5, 6));
  }

  @Test
  void when_cyclicGraph_then_referencesPreserved() throws IOException {
    KryoSerializer<Object> serializer = new KryoSerializer<>(Object.class);
    List<Object> cyclic = new ArrayList<>();
    cyclic.add("x");
    cyclic.add(cyclic);
    @SuppressWarnings("unchecked")
    List<Object> back = (List<Object>) roundTrip(serializer, (Object) cyclic);
    assertThat(back.get(1)).isSameAs(back);
  }

  @Test
  void when_javaSerializedAndDuplicated_then_independentWorkingInstances() throws Exception {
    KryoSerializer<Point> serializer = new KryoSerializer<>(Point.class);
    roundTrip(serializer, new Point(1, 1));
    KryoSerializer<Point> shipped = javaRoundTrip(serializer);
    assertThat(shipped).isEqualTo(serializer);
    assertThat(roundTrip(shipped, new Point(2, 3))).isEqualTo(new Point(2, 3));
    TypeSerializer<Point> duplicate = serializer.duplicate();
    assertThat(duplicate).isNotSameAs(serializer).isEqualTo(serializer);
    assertThat(serializer.snapshotConfiguration().resolveCompatibility(duplicate))
        .isEqualTo(Compatibility.COMPATIBLE_AS_IS);
    assertThat(javaRoundTrip(serializer.snapshotConfiguration()).restoreSerializer()).isEqualTo(serializer);
  }
}
