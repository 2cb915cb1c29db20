package weir.api.datastream;

import weir.api.annotation.Public;
import weir.api.functions.BroadcastProcessFunction;
import weir.api.functions.Function;
import weir.api.functions.KeyedBroadcastProcessFunction;
import weir.api.graph.OperatorSpec;
import weir.api.graph.TwoInputTransformation;
import weir.api.typeinfo.TypeInfo;

/**
 * A stream connected with a {@link BroadcastStream}: the result of {@link
 * DataStream#connect(BroadcastStream)}. {@code process} applies a {@link BroadcastProcessFunction}
 * when the first stream is not keyed, a {@link KeyedBroadcastProcessFunction} when it is.
 *
 * @param <IN1> the type of the non-broadcast input
 * @param <IN2> the type of the broadcast input
 * @since 0.1
 */
@Public
public final class BroadcastConnectedStream<IN1, IN2> {
  private final StreamExecutionEnvironment env;
  private final DataStream<IN1> first;
  private final BroadcastStream<IN2> broadcast;

  BroadcastConnectedStream(StreamExecutionEnvironment env, DataStream<IN1> first, BroadcastStream<IN2> broadcast) {
    this.env = env;
    this.first = first;
    this.broadcast = broadcast;
  }

  /** The non-broadcast input. */
  public DataStream<IN1> getFirstInput() {
    return first;
  }

  /** The broadcast input. */
  public BroadcastStream<IN2> getSecondInput() {
    return broadcast;
  }

  /**
   * Processes a non-keyed stream with the broadcast stream.
   *
   * @throws InvalidProgramException if the first stream is keyed
   */
  public <OUT> DataStream<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
    if (first.keySelector() != null) {
      throw new InvalidProgramException("The first input of this broadcast connection is keyed: process it with a"
          + " KeyedBroadcastProcessFunction, or connect the stream before keyBy(...) to use a BroadcastProcessFunction");
    }
    return twoInput("BroadcastProcess", function,
        new OperatorSpec.BroadcastProcess(function, broadcast.getBroadcastStateDescriptors()),
        TypeInference.output(env, function, BroadcastProcessFunction.class, 2));
  }

  /**
   * Processes a keyed stream with the broadcast stream, with keyed state and timers.
   *
   * @throws InvalidProgramException if the first stream is not keyed
   */
  public <KS, OUT> DataStream<OUT> process(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
    if (first.keySelector() == null) {
      throw new InvalidProgramException("A KeyedBroadcastProcessFunction needs a keyed first input: call keyBy(...)"
          + " on the stream before connect(broadcastStream), or use a BroadcastProcessFunction");
    }
    return twoInput("KeyedBroadcastProcess", function,
        new OperatorSpec.KeyedBroadcastProcess(function, broadcast.getBroadcastStateDescriptors()),
        TypeInference.output(env, function, KeyedBroadcastProcessFunction.class, 3));
  }

  private <OUT> DataStream<OUT> twoInput(String name, Function function, OperatorSpec spec, TypeInfo<OUT> type) {
    SerializabilityCheck.check(function, "function of operator '" + name + "'");
    return new DataStream<>(env, new TwoInputTransformation<>(env.newId(), name, type,
        first.getTransformation(), broadcast.getTransformation(), spec, first.keySelector(), null));
  }
}
