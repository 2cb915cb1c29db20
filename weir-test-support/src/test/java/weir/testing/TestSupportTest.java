package weir.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.datastream.OutputTag;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.ProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

class TestSupportTest {
  private static final OutputTag<String> ODD = OutputTag.of("odd", String.class);

  /** Running count per key. */
  static final class CountPerKey extends KeyedProcessFunction<String, String, String> {
    private transient ValueState<Integer> count;

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      count = context.getState(new ValueStateDescriptor<>("count", Integer.class));
    }

    @Override
    public void processElement(String value, Context<String> ctx, Collector<String> out) {
      int next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      out.collect(value + next);
    }
  }

  /** Even numbers to the main output, odd ones as text to a side output. */
  static final class SplitOdd extends ProcessFunction<Integer, Integer> {
    @Override
    public void processElement(Integer value, Context ctx, Collector<Integer> out) {
      if (value % 2 == 0) {
        out.collect(value);
      } else {
        ctx.output(ODD, "odd " + value);
      }
    }
  }

  /** Numbers the records it sees in an instance field: fine, since each run gets a fresh copy. */
  static final class Numbering implements MapFunction<String, String> {
    private int next;

    @Override
    public String map(String value) {
      return value + next++;
    }
  }

  /** Holds a field that cannot be serialized, so it cannot be shipped in a job either. */
  static final class Unshippable implements MapFunction<String, String> {
    @SuppressWarnings("unused")
    private final Object lock = new Object();

    @Override
    public String map(String value) {
      return value;
    }
  }

  @Test
  void when_outputAsExpected_then_allRunsPass() {
    assertThatCode(() -> TestSupport.verifyMap((String s) -> s.toUpperCase())
        .input(List.of("a", "b"))
        .expectOutput(List.of("A", "B")))
        .doesNotThrowAnyException();
    assertThatCode(() -> TestSupport.verifyFlatMap((String s, Collector<Character> out) -> {
      for (char c : s.toCharArray()) {
        out.collect(c);
      }
    }).input(List.of("ab", "", "c")).expectOutput(List.of('a', 'b', 'c'))).doesNotThrowAnyException();
    assertThatCode(() -> TestSupport.verifyFilter((Integer x) -> x > 1)
        .input(List.of(1, 2, 3))
        .expectOutput(List.of(2, 3)))
        .doesNotThrowAnyException();
  }

  @Test
  void when_functionKeepsInstanceState_then_eachRunStartsFromFreshCopy() {
    assertThatCode(() -> TestSupport.verifyMap(new Numbering())
        .input(List.of("a", "b"))
        .expectOutput(List.of("a0", "b1")))
        .doesNotThrowAnyException();
  }

  @Test
  void when_keyedProcess_then_stateFreshPerRun() {
    assertThatCode(() -> TestSupport.verifyKeyedProcess(new CountPerKey(), (String s) -> s)
        .input(List.of("a", "b", "a"))
        .subtask(SubtaskSettings.single().withMaxParallelism(8))
        .expectOutput(List.of("a1", "b1", "a2")))
        .doesNotThrowAnyException();
  }

  @Test
  void when_sideOutputExpected_then_checked() {
    assertThatCode(() -> TestSupport.verifyProcess(new SplitOdd())
        .input(List.of(1, 2, 3))
        .expectSideOutput(ODD, List.of("odd 1", "odd 3"))
        .expectOutput(List.of(2)))
        .doesNotThrowAnyException();

    assertThatThrownBy(() -> TestSupport.verifyProcess(new SplitOdd())
        .input(List.of(1, 2, 3))
        .expectSideOutput(ODD, List.of("odd 1"))
        .expectOutput(List.of(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected side output 'odd'");
  }

  @Test
  void when_outputDiffers_then_assertionNamesRunSubtaskAndBothLists() {
    assertThatThrownBy(() -> TestSupport.verifyMap((String s) -> s + "!")
        .input(List.of("a"))
        .expectOutput(List.of("a")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Map with input fed all at once on subtask 0 of 1")
        .hasMessageContaining("expected output\n  [a]\nbut was\n  [a!]");
  }

  @Test
  void when_functionThrows_then_assertionCarriesCause() {
    assertThatThrownBy(() -> TestSupport.verifyMap((String s) -> Integer.parseInt(s))
        .input(List.of("x"))
        .expectOutput(List.of(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the function failed")
        .hasCauseInstanceOf(NumberFormatException.class);
  }

  @Test
  void when_functionNotSerializable_then_failsAsAJobWould() {
    assertThatThrownBy(() -> TestSupport.verifyMap(new Unshippable())
        .input(List.of("a"))
        .expectOutput(List.of("a")))
        .hasMessageContaining("Could not copy");
  }
}
