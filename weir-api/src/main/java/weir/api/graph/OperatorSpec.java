package weir.api.graph;

import java.io.Serializable;
import javax.annotation.Nullable;
import weir.api.annotation.Internal;
import weir.api.datastream.OutputTag;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.CoProcessFunction;
import weir.api.functions.FilterFunction;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.Function;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.ProcessFunction;
import weir.api.functions.ProcessJoinFunction;

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

  /**
   * Joins two keyed inputs on event time ({@code KeyedStream.intervalJoin}): a left record at
   * {@code t} meets the right records of its key in {@code [t + lowerBound, t + upperBound]},
   * bounds in milliseconds, each left out when not inclusive. A late data tag of {@code null}
   * drops that input's late records.
   */
  record IntervalJoin(ProcessJoinFunction<?, ?, ?> function, long lowerBound, long upperBound,
      boolean lowerBoundInclusive, boolean upperBoundInclusive,
      @Nullable OutputTag<?> leftLateDataTag, @Nullable OutputTag<?> rightLateDataTag) implements OperatorSpec {
    public IntervalJoin {
      if (lowerBound > upperBound) {
        throw new IllegalArgumentException(
            "The lower bound (" + lowerBound + " ms) of an interval join must not exceed its upper bound ("
                + upperBound + " ms)");
      }
    }

    /** The smallest offset from a left timestamp that a right timestamp may have. */
    public long inclusiveLowerBound() {
      return lowerBoundInclusive ? lowerBound : lowerBound + 1;
    }

    /** The largest offset from a left timestamp that a right timestamp may have. */
    public long inclusiveUpperBound() {
      return upperBoundInclusive ? upperBound : upperBound - 1;
    }
  }

  /** Assigns timestamps and generates watermarks mid-stream. */
  record AssignTimestamps(WatermarkStrategy<?> strategy) implements OperatorSpec {
    @Override
    public Function function() {
      return null;
    }
  }

  record KeyedCoProcess(KeyedCoProcessFunction<?, ?, ?, ?> function) implements OperatorSpec {}
}
