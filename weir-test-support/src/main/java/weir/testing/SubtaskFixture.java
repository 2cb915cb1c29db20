package weir.testing;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import javax.annotation.Nullable;
import weir.api.typeinfo.DynamicSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.connector.sink.WriterInitContext;
import weir.runtime.graph.JavaSerialization;
import weir.runtime.checkpoint.OperatorSnapshot;
import weir.runtime.checkpoint.StateAssignment;
import weir.runtime.checkpoint.TaskRestore;
import weir.runtime.operators.OperatorContext;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.KeyGroupRange;
import weir.runtime.state.KeyGroups;
import weir.runtime.state.OperatorStateBackend;
import weir.runtime.state.WatermarkClock;
import weir.runtime.task.SimpleCounter;
import weir.runtime.task.TaskRuntimeContext;
import weir.runtime.time.ProcessingTimers;
import weir.runtime.time.RecordTimestamp;

/**
 * What the runtime gives an operator of one subtask, built for a test: a collecting output, a
 * manual clock, counters, an operator state backend, and for keyed operators a real heap state
 * backend owning the subtask's key groups; both restored from the settings' snapshots or given
 * key groups, if any.
 */
final class SubtaskFixture<O> {
  static final String JOB_NAME = "test-job";
  /** The periodic watermark interval operators under test see, in ms of the manual clock. */
  static final long AUTO_WATERMARK_INTERVAL = 200;

  final String operatorName;
  final SubtaskSettings settings;
  final RecordTimestamp timestamp = new RecordTimestamp();
  final ProcessingTimers processingTimers = new ProcessingTimers();
  final CollectingOutput<O> output = new CollectingOutput<>(timestamp);
  final ManualClock clock = new ManualClock();
  final Map<String, SimpleCounter> counters = new HashMap<>();
  @Nullable final HeapKeyedStateBackend keyedState;
  final OperatorStateBackend operatorState;
  final OperatorContext context;
  // whether the operator starts from a snapshot: it then gets copies of the user objects
  private final boolean restored;

  /**
   * @param restored the key groups to start from, as a restored subtask does, besides those of the
   *     settings' snapshots; {@code null} when none
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  SubtaskFixture(String operatorName, SubtaskSettings settings, boolean keyed, @Nullable Map<Integer, byte[]> restored) {
    this.operatorName = operatorName;
    this.settings = settings;
    KeyGroupRange range = KeyGroups.rangeOf(settings.subtaskIndex(), settings.maxParallelism(), settings.parallelism());
    TaskRestore.Operator restoredPart = restoredPart(settings, range);
    Map<Integer, byte[]> keyGroups = new HashMap<>(restoredPart.keyGroups());
    if (restored != null) {
      keyGroups.putAll(restored);
    }
    this.restored = restored != null || !settings.restoredFrom().isEmpty();
    SerializerConfig serializers = new SerializerConfig();
    this.keyedState = keyed
        ? new HeapKeyedStateBackend(operatorName, range, settings.maxParallelism(), serializers,
            clock::currentProcessingTime, new WatermarkClock(), new DynamicSerializer<>(serializers), keyGroups)
        : null;
    this.operatorState = new OperatorStateBackend(operatorName, serializers, settings.subtaskIndex(),
        settings.restoredFrom().isEmpty() ? OptionalLong.empty()
            : OptionalLong.of(settings.restoredFrom().get(0).checkpointId()),
        restoredPart.lists());
    TaskRuntimeContext runtimeContext = new TaskRuntimeContext(JOB_NAME, operatorName, settings.subtaskIndex(),
        settings.parallelism(), settings.maxParallelism(), 0, counters, keyedState);
    this.context = new OperatorContext(operatorName, runtimeContext, keyedState, operatorState, clock, timestamp,
        processingTimers, AUTO_WATERMARK_INTERVAL);
  }

  /** This subtask's part of the snapshots it is restored from, dealt out as the runtime does. */
  private static TaskRestore.Operator restoredPart(SubtaskSettings settings, KeyGroupRange range) {
    if (settings.restoredFrom().isEmpty()) {
      return new TaskRestore.Operator(Map.of(), Map.of());
    }
    TreeMap<Integer, OperatorSnapshot> bySubtask = new TreeMap<>();
    for (HarnessSnapshot s : settings.restoredFrom()) {
      bySubtask.put(s.subtask().subtaskIndex(), s.operatorSnapshot());
    }
    return StateAssignment.assign(bySubtask, settings.restoredFrom().get(0).subtask().parallelism(),
        settings.subtaskIndex(), settings.parallelism(), range);
  }

  /**
   * The user object an operator of this subtask works with: {@code original} itself, or for a
   * restored subtask a copy made by serialization, as a job restarting from a checkpoint
   * deserializes its user code again.
   */
  <T extends Serializable> T userCode(T original) {
    return restored ? JavaSerialization.copy(original) : original;
  }

  /** What a sink writer of this subtask is created with. */
  WriterInitContext writerInitContext() {
    return new WriterInitContext() {
      @Override
      public String getJobName() {
        return JOB_NAME;
      }

      @Override
      public int getSubtaskIndex() {
        return settings.subtaskIndex();
      }

      @Override
      public int getParallelism() {
        return settings.parallelism();
      }

      @Override
      public int getAttemptNumber() {
        return 0;
      }
    };
  }
}
