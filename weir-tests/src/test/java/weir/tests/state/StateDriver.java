package weir.tests.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.annotation.Nullable;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.testing.FunctionTestHarness;
import weir.testing.OneInputHarness;
import weir.testing.SubtaskSettings;

/**
 * Drives one keyed state through a real keyed process operator in the operator harness: each
 * record is an action on the state of its key, run by the function, and processing time and
 * watermarks are set by hand. So a test reads as a timeline of writes and reads.
 *
 * <pre>{@code
 * try (var state = StateDriver.of("v", ctx -> ctx.getState(descriptor))) {
 *   state.write("a", s -> s.update(1L));
 *   state.setProcessingTime(99);
 *   assertThat(state.read("a", ValueState::value)).isEqualTo(1L);
 * }
 * }</pre>
 *
 * @param <S> the state type
 */
final class StateDriver<S> implements AutoCloseable {
  /** An action on the state of {@code key}; {@code read} results are kept for the test. */
  record Action<S>(String key, Function<S, Object> run) {}

  /** Runs the actions with the state obtained in {@code open}. */
  static final class Fn<S> extends KeyedProcessFunction<String, Action<S>, Object> {
    private final Function<RuntimeContext, S> open;
    private transient S state;
    @Nullable private transient Object result;

    Fn(Function<RuntimeContext, S> open) {
      this.open = open;
    }

    @Override
    public void open(RuntimeContext ctx) {
      state = open.apply(ctx);
    }

    @Override
    public void processElement(Action<S> action, Context<String> ctx, Collector<Object> out) {
      result = action.run().apply(state);
    }
  }

  private final String stateName;
  private final Fn<S> fn;
  private final OneInputHarness<Action<S>, Object> harness;

  private StateDriver(String stateName, Fn<S> fn, OneInputHarness<Action<S>, Object> harness) {
    this.stateName = stateName;
    this.fn = fn;
    this.harness = harness;
  }

  /** A driver for the state named {@code stateName} that {@code open} obtains. */
  static <S> StateDriver<S> of(String stateName, Function<RuntimeContext, S> open) throws Exception {
    return of(stateName, open, SubtaskSettings.single());
  }

  /** Like {@link #of(String, Function)}, playing the given subtask. */
  static <S> StateDriver<S> of(String stateName, Function<RuntimeContext, S> open, SubtaskSettings settings)
      throws Exception {
    Fn<S> fn = new Fn<>(open);
    return new StateDriver<>(stateName, fn, FunctionTestHarness.forKeyedProcess(fn, Action::key, settings));
  }

  /** Runs {@code action} on the state of {@code key}, as a record of that key. */
  void write(String key, Consumer<S> action) throws Exception {
    harness.processElement(new Action<>(key, s -> {
      action.accept(s);
      return null;
    }));
  }

  /** Runs {@code read} on the state of {@code key}, as a record of that key, and returns its result. */
  @Nullable
  Object read(String key, Function<S, Object> read) throws Exception {
    harness.processElement(new Action<>(key, read));
    return fn.result;
  }

  /** What a list or map read returns, copied so that it may be kept. */
  static <T> List<T> copy(Iterable<T> values) {
    List<T> copy = new ArrayList<>();
    values.forEach(copy::add);
    return copy;
  }

  void setProcessingTime(long time) throws Exception {
    harness.setProcessingTime(time);
  }

  void processWatermark(long watermark) throws Exception {
    harness.processWatermark(watermark);
  }

  /** The keys that have a value stored, expired ones included until removed. */
  long keyCount() {
    return harness.keyCount(stateName);
  }

  /** What is stored for {@code key}, without last-access times; expired values included until removed. */
  @Nullable
  Object stored(String key) {
    return harness.keyedState(stateName, key);
  }

  @Override
  public void close() throws Exception {
    harness.close();
  }
}
