package weir.runtime.task;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.RecordWriter;
import weir.runtime.graph.UserCode;
import weir.runtime.graph.StreamNode;
import weir.runtime.operators.OperatorFailure;
import weir.runtime.operators.Specialization;
import weir.runtime.operators.StreamOperator;
import weir.runtime.source.SourceCoordinator;
import weir.runtime.time.ProcessingTimers;
import weir.api.eventtime.WatermarkStrategy;

/**
 * One subtask: an operator chain fed by a source reader or by input channels, writing into the
 * exchanges that leave the chain.
 *
 * <h3>Phases</h3>
 * RUNNING while input lasts; then every operator gets {@code endInput} (head first), end of
 * partition goes to every consumer, and the task is DONE once its overflow has drained.
 *
 * <h3>Backpressure</h3>
 * Before taking input the task moves records left over from the previous call into the output
 * rings; while any remain it takes no input and reports no progress.
 *
 * <p>Owned by the thread of the worker running it.
 */
public final class StreamTask implements Tasklet {
  /** Records taken from the input per call, bounding both latency for other tasklets and overflow. */
  private static final int BUDGET = 4096;
  // inputs are specialized per task like operators, so the call into the head stays monomorphic
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private enum Phase { CREATED, RUNNING, ENDING, DONE }

  private final TaskDeployment deployment;
  private final String name;
  private final RecordWriter[] writers;
  @Nullable private OperatorChain chain;
  @Nullable private TaskInput input;
  /** Event time at a source head with a watermark strategy; null otherwise. */
  @Nullable private SplitWatermarks<?> sourceWatermarks;
  private Phase phase = Phase.CREATED;

  public StreamTask(TaskDeployment deployment) {
    this.deployment = deployment;
    this.name = deployment.vertex().name() + " (" + (deployment.subtaskIndex() + 1) + "/"
        + deployment.vertex().parallelism() + ")";
    this.writers = deployment.writers().values().toArray(new RecordWriter[0]);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isBlocking() {
    return deployment.vertex().blocking();
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void init() throws Exception {
    // a vertex with one subtask runs the job graph's own instances; otherwise each deserializes copies
    Map<Integer, UserCode> userCode = deployment.serializedUserCode() == null
        ? UserCode.of(deployment.vertex())
        : UserCode.deserialize(deployment.serializedUserCode());
    chain = new OperatorChain(deployment, userCode);
    List<StreamOperator> operators = chain.operators();
    for (int i = operators.size() - 1; i >= 0; i--) {
      StreamOperator op = operators.get(i);
      try {
        op.open();
      } catch (Exception e) {
        throw OperatorFailure.of(op.name(), e);
      }
    }
    StreamNode head = deployment.vertex().head();
    if (head.kind() == StreamNode.Kind.SOURCE) {
      SourceCoordinator<?> coordinator = deployment.sourceCoordinator();
      UserCode code = userCode.get(head.id());
      SourceReader reader = createReader(code.source(), coordinator);
      WatermarkStrategy strategy = code.watermarkStrategy();
      SplitWatermarks watermarks = null;
      if (strategy != null) {
        watermarks = sourceWatermarks = new SplitWatermarks(strategy, chain.sourceOutput(), chain.timestamp(), deployment.clock(),
            deployment.autoWatermarkInterval());
        chain.processingTimers().register(watermarks);
      }
      input = Specialization.instantiate(LOOKUP, deployment.specializedClasses(), "input", SourceInput.class,
          head.name(), reader, coordinator,
          deployment.subtaskIndex(), chain.sourceOutput(), chain.timestamp(), watermarks);
      reader.start();
    } else {
      input = Specialization.instantiate(LOOKUP, deployment.specializedClasses(), "input", NetworkInput.class,
          deployment.inputChannels(),
          deployment.inputIndexOfChannel(), chain.head(), chain.timestamp());
    }
    phase = Phase.RUNNING;
  }

  private SourceReader<?, ?> createReader(Source<?, ?, ?> source, SourceCoordinator<?> coordinator) throws Exception {
    int subtask = deployment.subtaskIndex();
    int parallelism = deployment.vertex().parallelism();
    return source.createReader(new SourceReaderContext() {
      @Override
      public int getSubtaskIndex() {
        return subtask;
      }

      @Override
      public int getParallelism() {
        return parallelism;
      }

      @Override
      public void sendSplitRequest() {
        coordinator.requestSplit(subtask);
      }
    });
  }

  @Override
  public ProgressState call() throws Exception {
    if (!drainOverflow()) {
      return ProgressState.NO_PROGRESS;
    }
    switch (phase) {
      case RUNNING -> {
        ProcessingTimers timers = chain.processingTimers();
        // one clock read per call; timers fire between batches, on this thread
        long now = deployment.clock().currentProcessingTime();
        if (now >= timers.nextProcessingTime()) {
          fireProcessingTimers(timers, now);
        }
        ProgressState state = input.process(BUDGET, this);
        publish();
        if (state == ProgressState.DONE) {
          endInput();
          return ProgressState.MADE_PROGRESS;
        }
        return state;
      }
      case ENDING -> {
        phase = Phase.DONE;
        return ProgressState.DONE;
      }
      default -> {
        return ProgressState.DONE;
      }
    }
  }

  private void fireProcessingTimers(ProcessingTimers timers, long now) {
    try {
      timers.advance(now);
    } catch (Exception e) {
      throw OperatorFailure.of(name, e);
    }
  }

  private void endInput() throws Exception {
    if (deployment.vertex().head().kind() == StreamNode.Kind.SOURCE) {
      // a bounded source has brought all its records: event time ends, firing every timer left
      if (sourceWatermarks != null) {
        sourceWatermarks.endInput();
      } else {
        chain.sourceOutput().emitWatermark(Long.MAX_VALUE);
      }
    }
    for (StreamOperator op : chain.operators()) {
      try {
        op.endInput();
      } catch (Exception e) {
        throw OperatorFailure.of(op.name(), e);
      }
    }
    for (RecordWriter writer : writers) {
      writer.broadcast(ControlEvent.END_OF_PARTITION);
    }
    publish();
    phase = Phase.ENDING;
  }

  /** Whether some output could not take everything emitted. */
  boolean isBackpressured() {
    for (RecordWriter writer : writers) {
      if (writer.isBackpressured()) {
        return true;
      }
    }
    return false;
  }

  private boolean drainOverflow() {
    boolean drained = true;
    for (RecordWriter writer : writers) {
      drained &= writer.drainOverflow();
    }
    return drained;
  }

  private void publish() {
    for (RecordWriter writer : writers) {
      writer.publish();
    }
  }

  @Override
  public void close() throws Exception {
    Exception failure = null;
    if (chain != null) {
      for (StreamOperator op : chain.operators()) {
        try {
          op.close();
        } catch (Exception e) {
          failure = addSuppressed(failure, OperatorFailure.of(op.name(), e));
        }
      }
    }
    if (input != null) {
      try {
        input.close();
      } catch (Exception e) {
        failure = addSuppressed(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static Exception addSuppressed(@Nullable Exception first, Exception next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  @Override
  public String toString() {
    return name;
  }
}
