package weir.testing;

import java.io.Serializable;
import weir.api.functions.FilterFunction;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.KeySelector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.ProcessFunction;
import weir.runtime.graph.JavaSerialization;

/**
 * One-call checks of a function against expected output, in the style of Hazelcast Jet's {@code
 * TestSupport}:
 *
 * <pre>{@code
 * TestSupport.verifyMap((String s) -> s.toUpperCase())
 *     .input(List.of("a", "b"))
 *     .expectOutput(List.of("A", "B"));
 * }</pre>
 *
 * <p>Each check runs the function in the real runtime operator several times, each time on a
 * fresh copy made by serialization (as every subtask of a job gets its own copy), and asserts
 * that every run produces the expected output; see {@link OperatorVerifier} for the runs. The
 * function must therefore be serializable, as it must be in a job. Snapshot and restore runs
 * join once the runtime has checkpoints.
 *
 * <p>For timers, processing time and keyed state step by step, use {@link FunctionTestHarness}.
 *
 * @since 0.1
 */
public final class TestSupport {
  private TestSupport() {}

  /** Checks a {@link MapFunction}. */
  public static <I, O> OperatorVerifier<I, O> verifyMap(MapFunction<I, O> function) {
    return new OperatorVerifier<>("Map", s -> FunctionTestHarness.forMap(copy(function), s));
  }

  /** Checks a {@link FlatMapFunction}. */
  public static <I, O> OperatorVerifier<I, O> verifyFlatMap(FlatMapFunction<I, O> function) {
    return new OperatorVerifier<>("FlatMap", s -> FunctionTestHarness.forFlatMap(copy(function), s));
  }

  /** Checks a {@link FilterFunction}. */
  public static <T> OperatorVerifier<T, T> verifyFilter(FilterFunction<T> function) {
    return new OperatorVerifier<>("Filter", s -> FunctionTestHarness.forFilter(copy(function), s));
  }

  /** Checks a {@link ProcessFunction}, including its side outputs. */
  public static <I, O> OperatorVerifier<I, O> verifyProcess(ProcessFunction<I, O> function) {
    return new OperatorVerifier<>("Process", s -> FunctionTestHarness.forProcess(copy(function), s));
  }

  /** Checks a {@link KeyedProcessFunction} with fresh keyed state in every run. */
  public static <K, I, O> OperatorVerifier<I, O> verifyKeyedProcess(
      KeyedProcessFunction<K, I, O> function, KeySelector<I, K> keySelector) {
    return new OperatorVerifier<>("KeyedProcess",
        s -> FunctionTestHarness.forKeyedProcess(copy(function), copy(keySelector), s));
  }

  private static <T extends Serializable> T copy(T function) {
    return JavaSerialization.copy(function);
  }
}
