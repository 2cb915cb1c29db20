package weir.api.graph;

import java.io.Serializable;
import weir.api.annotation.Internal;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.CoProcessFunction;
import weir.api.functions.FilterFunction;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.Function;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.ProcessFunction;

/**
 * The operation of a one- or two-input transformation: which built-in operator the runtime
 * creates and the user function it drives. Richer operations (rolling reduce, aggregate,
 * field aggregations, co-map) are expressed as process functions in the API.
 */
@Internal
public sealed interface OperatorSpec extends Serializable {
  /**
   * The user function, for lifecycle calls and the serializability check; {@code null} when the
   * operation has none.
   */
  Function function();

  record Map(MapFunction<?, ?> function) implements OperatorSpec {}

  record FlatMap(FlatMapFunction<?, ?> function) implements OperatorSpec {}

  record Filter(FilterFunction<?> function) implements OperatorSpec {}

  record Process(ProcessFunction<?, ?> function) implements OperatorSpec {}

  record KeyedProcess(KeyedProcessFunction<?, ?, ?> function) implements OperatorSpec {}

  record CoProcess(CoProcessFunction<?, ?, ?> function) implements OperatorSpec {}

  /** Assigns timestamps and generates watermarks mid-stream. */
  record AssignTimestamps(WatermarkStrategy<?> strategy) implements OperatorSpec {
    @Override
    public Function function() {
      return null;
    }
  }

  record KeyedCoProcess(KeyedCoProcessFunction<?, ?, ?, ?> function) implements OperatorSpec {}
}
