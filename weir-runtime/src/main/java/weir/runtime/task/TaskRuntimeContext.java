package weir.runtime.task;

import java.util.Map;
import javax.annotation.Nullable;
import weir.api.functions.RuntimeContext;
import weir.api.metrics.Counter;
import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.runtime.state.HeapKeyedStateBackend;

/** The runtime context of one operator in one subtask. Owned by the subtask's thread. */
public final class TaskRuntimeContext implements RuntimeContext {
  private final String jobName;
  private final String operatorName;
  private final int subtaskIndex;
  private final int parallelism;
  private final int maxParallelism;
  private final int attemptNumber;
  private final Map<String, SimpleCounter> counters;
  @Nullable private final HeapKeyedStateBackend keyedState;

  public TaskRuntimeContext(String jobName, String operatorName, int subtaskIndex, int parallelism, int maxParallelism,
      int attemptNumber, Map<String, SimpleCounter> counters, @Nullable HeapKeyedStateBackend keyedState) {
    this.jobName = jobName;
    this.operatorName = operatorName;
    this.subtaskIndex = subtaskIndex;
    this.parallelism = parallelism;
    this.maxParallelism = maxParallelism;
    this.attemptNumber = attemptNumber;
    this.counters = counters;
    this.keyedState = keyedState;
  }

  @Override
  public String getJobName() {
    return jobName;
  }

  @Override
  public String getOperatorName() {
    return operatorName;
  }

  @Override
  public int getSubtaskIndex() {
    return subtaskIndex;
  }

  @Override
  public int getParallelism() {
    return parallelism;
  }

  @Override
  public int getMaxParallelism() {
    return maxParallelism;
  }

  @Override
  public int getAttemptNumber() {
    return attemptNumber;
  }

  @Override
  public Counter getCounter(String name) {
    return counters.computeIfAbsent(name, n -> new SimpleCounter());
  }

  @Override
  public ClassLoader getUserCodeClassLoader() {
    return Thread.currentThread().getContextClassLoader();
  }

  private HeapKeyedStateBackend keyed() {
    if (keyedState == null) {
      throw new IllegalStateException(
          "Operator '" + operatorName + "' asks for keyed state, but it does not run on a keyed stream:"
              + " apply it after keyBy(...)");
    }
    return keyedState;
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return keyed().getState(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return keyed().getListState(descriptor);
  }

  @Override
  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
    return keyed().getMapState(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return keyed().getReducingState(descriptor);
  }

  @Override
  public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor) {
    return keyed().getAggregatingState(descriptor);
  }
}
