package weir.testing;

import java.util.HashMap;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.typeinfo.DynamicSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.connector.sink.WriterInitContext;
import weir.runtime.operators.OperatorContext;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.KeyGroups;
import weir.runtime.state.WatermarkClock;
import weir.runtime.task.SimpleCounter;
import weir.runtime.task.TaskRuntimeContext;
import weir.runtime.time.ProcessingTimers;
import weir.runtime.time.RecordTimestamp;

/**
 * What the runtime gives an operator of one subtask, built for a test: a collecting output, a
 * manual clock, counters, and for keyed operators a real heap state backend owning the
 * subtask's key groups.
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
  final OperatorContext context;

  /**
   * @param restoredKeyGroups for a keyed operator, the keyed state and timers to start from, by key
   *     group, as {@link OperatorHarness#snapshotKeyedState} gives them (key groups this subtask
   *     does not own are ignored); empty for a fresh start
   */
  SubtaskFixture(String operatorName, SubtaskSettings settings, boolean keyed, Map<Integer, byte[]> restoredKeyGroups) {
    this.operatorName = operatorName;
    this.settings = settings;
    SerializerConfig serializerConfig = new SerializerConfig();
    this.keyedState = keyed
        ? new HeapKeyedStateBackend(operatorName,
            KeyGroups.rangeOf(settings.subtaskIndex(), settings.maxParallelism(), settings.parallelism()),
            settings.maxParallelism(), serializerConfig, clock::currentProcessingTime, new WatermarkClock(),
            new DynamicSerializer<>(serializerConfig), restoredKeyGroups)
        : null;
    TaskRuntimeContext runtimeContext = new TaskRuntimeContext(JOB_NAME, operatorName, settings.subtaskIndex(),
        settings.parallelism(), settings.maxParallelism(), 0, counters, keyedState);
    this.context = new OperatorContext(operatorName, runtimeContext, keyedState, clock, timestamp, processingTimers,
        AUTO_WATERMARK_INTERVAL);
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
