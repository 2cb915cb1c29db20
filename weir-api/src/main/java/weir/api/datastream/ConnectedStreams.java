package weir.api.datastream;

import weir.api.annotation.Public;
import weir.api.functions.CoFlatMapFunction;
import weir.api.functions.CoMapFunction;
import weir.api.functions.CoProcessFunction;
import weir.api.functions.Function;
import weir.api.functions.KeySelector;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.graph.OperatorSpec;
import weir.api.graph.TwoInputTransformation;
import weir.api.typeinfo.TypeInfo;

/**
 * Two streams, possibly of different types, processed together by one two-input function whose
 * methods run on the same thread and may share state. When both streams are keyed (by keys of
 * the same type) the function runs keyed and records of both inputs with equal keys meet.
 *
 * @param <A> the first input's type
 * @param <B> the second input's type
 * @since 0.1
 */
@Public
public final class ConnectedStreams<A, B> {
  private final StreamExecutionEnvironment env;
  private final DataStream<A> first;
  private final DataStream<B> second;

  ConnectedStreams(StreamExecutionEnvironment env, DataStream<A> first, DataStream<B> second) {
    this.env = env;
    this.first = first;
    this.second = second;
  }

  /** Keys both inputs, so that a keyed co-process function can use keyed state. */
  public <K> ConnectedStreams<A, B> keyBy(KeySelector<A, K> keyOfFirst, KeySelector<B, K> keyOfSecond) {
    return new ConnectedStreams<>(env, first.keyBy(keyOfFirst), second.keyBy(keyOfSecond));
  }

  /** Maps each input with its own method into one output. */
  public <R> DataStream<R> map(CoMapFunction<A, B, R> mapper) {
    return twoInput("CoMap", mapper, new OperatorSpec.CoProcess(new CoMapAdapter<>(mapper)),
        TypeInference.output(env, mapper, CoMapFunction.class, 2));
  }

  /** Flat-maps each input with its own method into one output. */
  public <R> DataStream<R> flatMap(CoFlatMapFunction<A, B, R> flatMapper) {
    return twoInput("CoFlatMap", flatMapper, new OperatorSpec.CoProcess(new CoFlatMapAdapter<>(flatMapper)),
        TypeInference.output(env, flatMapper, CoFlatMapFunction.class, 2));
  }

  /** Processes each input with its own method and a context offering side outputs. */
  public <R> DataStream<R> process(CoProcessFunction<A, B, R> function) {
    return twoInput("CoProcess", function, new OperatorSpec.CoProcess(function),
        TypeInference.output(env, function, CoProcessFunction.class, 2));
  }

  /** Processes two keyed inputs with access to the current key and its state. */
  public <K, R> DataStream<R> process(KeyedCoProcessFunction<K, A, B, R> function) {
    if (first.keySelector() == null || second.keySelector() == null) {
      throw new InvalidProgramException(
          "A KeyedCoProcessFunction needs both connected streams keyed: call keyBy on both inputs, or"
              + " connect(...).keyBy(keyOfFirst, keyOfSecond)");
    }
    return twoInput("KeyedCoProcess", function, new OperatorSpec.KeyedCoProcess(function),
        TypeInference.output(env, function, KeyedCoProcessFunction.class, 3));
  }

  private <R> DataStream<R> twoInput(String name, Function function, OperatorSpec spec, TypeInfo<R> type) {
    SerializabilityCheck.check(function, "function of operator '" + name + "'");
    return new DataStream<>(env, new TwoInputTransformation<>(env.newId(), name, type,
        first.getTransformation(), second.getTransformation(), spec, first.keySelector(), second.keySelector()));
  }
}
