package weir.tests.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import weir.api.datastream.DataStream;
import weir.api.datastream.InvalidProgramException;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.MapFunction;

/**
 * Functions travel inside the job graph, so a function that does not serialize is rejected when
 * it is added to the job, with the path of the offending field and how to fix it.
 */
class NonSerializableFunctionTest {
  /** Stands for a connection or client object: not serializable. */
  static final class Connection {
    String lookup(long key) {
      return "v" + key;
    }
  }

  static final class Client implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final Connection connection = new Connection();
  }

  /** Holds its client in a field: the connection is two fields deep. */
  static final class Enricher implements MapFunction<Long, String> {
    private static final long serialVersionUID = 1L;
    private final Client client = new Client();

    @Override
    public String map(Long value) {
      return client.connection.lookup(value);
    }
  }

  private static DataStream<Long> numbers() {
    return StreamExecutionEnvironment.createEmbeddedEnvironment(1).fromSequence(1, 10);
  }

  @Test
  void when_lambdaCapturesNonSerializableObject_then_mapFailsNamingTheCapturedValue() {
    DataStream<Long> numbers = numbers();
    Connection connection = new Connection();

    assertThatThrownBy(() -> numbers.map(x -> connection.lookup(x)).name("Lookup"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("operator 'Map'")
        .hasMessageContaining("capturedArg0")
        .hasMessageContaining(Connection.class.getName())
        .hasMessageContaining("transient")
        .hasMessageContaining("open()");
  }

  @Test
  void when_functionFieldHoldsNonSerializableObject_then_mapFailsNamingTheFieldPath() {
    DataStream<Long> numbers = numbers();

    assertThatThrownBy(() -> numbers.map(new Enricher()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("field 'client.connection'")
        .hasMessageContaining(Enricher.class.getName())
        .hasMessageContaining("make that field transient and create it in open()");
  }

  @Test
  void when_anonymousFunctionCapturesItsEnclosingInstance_then_mapFailsNamingTheOuterField() {
    DataStream<Long> numbers = numbers();

    assertThatThrownBy(() -> numbers.map(new MapFunction<Long, Long>() {
      @Override
      public Long map(Long value) {
        return value;
      }
    })).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("field 'this$0'")
        .hasMessageContaining(NonSerializableFunctionTest.class.getName());
  }

  @Test
  void when_keySelectorIsNotSerializable_then_keyByFails() {
    DataStream<Long> numbers = numbers();
    Connection connection = new Connection();

    assertThatThrownBy(() -> numbers.keyBy(x -> connection.lookup(x)))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("key selector")
        .hasMessageContaining(Connection.class.getName());
  }
}
