package weir.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import weir.api.datastream.OutputTag;

/**
 * A check of a one-input function built by {@link TestSupport}: set the input and what else is
 * expected, then {@link #expectOutput} runs the check. It runs the function twice, each time on
 * a fresh copy with fresh state, and asserts in each run that the main output equals the
 * expected list (in order) and that each side output given to {@link #expectSideOutput} equals
 * its list:
 *
 * <ul>
 *   <li><b>all at once</b>: every record is fed, then the input ends, then the output is read;
 *   <li><b>one at a time</b>: the output is taken after every record and after the end of input,
 *       as a downstream operator sees it arrive, and the pieces are joined.
 * </ul>
 *
 * <p>Since the second run starts from a fresh copy too, a function that keeps state outside its
 * instance (in a static field) gives different output the second time and fails the check.
 *
 * <p>A failure is an {@link AssertionError} naming the run and the subtask; an exception thrown
 * by the function becomes its cause.
 *
 * @param <I> the input type
 * @param <O> the type of the main output
 * @since 0.1
 */
public final class OperatorVerifier<I, O> {
  /** Builds a fresh harness, around a fresh copy of the function, for one run. */
  @FunctionalInterface
  interface HarnessFactory<I, O> {
    OneInputHarness<I, O> create(SubtaskSettings settings) throws Exception;
  }

  private final String operatorName;
  private final HarnessFactory<I, O> factory;
  private final Map<OutputTag<?>, List<?>> expectedSideOutputs = new LinkedHashMap<>();
  private List<? extends I> input = List.of();
  private SubtaskSettings settings = SubtaskSettings.single();

  OperatorVerifier(String operatorName, HarnessFactory<I, O> factory) {
    this.operatorName = operatorName;
    this.factory = factory;
  }

  /** The records to feed, in order. */
  public OperatorVerifier<I, O> input(List<? extends I> input) {
    this.input = Objects.requireNonNull(input, "input");
    return this;
  }

  /** Runs the function as the given subtask; the default is the only one of parallelism 1. */
  public OperatorVerifier<I, O> subtask(SubtaskSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** Also expects exactly {@code expected}, in order, on the side output {@code tag}. */
  public <X> OperatorVerifier<I, O> expectSideOutput(OutputTag<X> tag, List<? extends X> expected) {
    expectedSideOutputs.put(tag, new ArrayList<>(expected));
    return this;
  }

  /** Runs the check, expecting exactly {@code expected}, in order, on the main output. */
  public void expectOutput(List<? extends O> expected) {
    run("all at once", expected, false);
    run("one at a time", expected, true);
  }

  private void run(String mode, List<? extends O> expected, boolean oneAtATime) {
    String what = operatorName + " with input fed " + mode + " on " + settings;
    List<O> actual = new ArrayList<>();
    try (OneInputHarness<I, O> harness = factory.create(settings)) {
      for (I record : input) {
        harness.processElement(record);
        if (oneAtATime) {
          actual.addAll(harness.takeOutput());
        }
      }
      harness.endInput();
      actual.addAll(harness.takeOutput());
      assertEqual(what, "output", expected, actual);
      for (Map.Entry<OutputTag<?>, List<?>> side : expectedSideOutputs.entrySet()) {
        assertEqual(what, "side output '" + side.getKey().getId() + "'", side.getValue(),
            harness.sideOutput(side.getKey()));
      }
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(what + ": the function failed: " + e, e);
    }
  }

  private static void assertEqual(String what, String output, List<?> expected, List<?> actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError(
          what + ": expected " + output + "\n  " + expected + "\nbut was\n  " + actual);
    }
  }
}
