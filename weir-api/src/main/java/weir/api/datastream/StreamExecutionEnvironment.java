package weir.api.datastream;

import java.time.Duration;

import weir.api.checkpoint.CheckpointConfig;
import weir.api.checkpoint.RestartStrategy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.Nullable;
import weir.api.annotation.Public;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.connector.source.Source;
import weir.api.connector.source.lib.FromElementsSource;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.connector.source.lib.TextLineSource;
import weir.api.environment.CloseableIterator;
import weir.api.environment.ExecutionConfig;
import weir.api.environment.JobClient;
import weir.api.environment.JobExecutionException;
import weir.api.environment.JobExecutionResult;
import weir.api.environment.ExecutorContext;
import weir.api.environment.PipelineExecutor;
import weir.api.graph.Pipeline;
import weir.api.graph.SinkTransformation;
import weir.api.graph.SourceTransformation;
import weir.api.graph.Transformation;
import weir.api.typeinfo.TypeInfo;

/**
 * Where a job is defined and from where it is run.
 *
 * <pre>{@code
 * var env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.setParallelism(2);
 * env.fromSequence(1, 1000).map(x -> x * 2).print();
 * env.execute("doubler");
 * }</pre>
 *
 * <h3>Execution</h3>
 * {@link #execute} runs the job on the executor this environment targets — the embedded engine in
 * this process unless the job was submitted to a cluster — and blocks until it ends; {@link
 * #executeAsync} returns a {@link JobClient} at once. Each call runs the sinks defined since the
 * previous one.
 *
 * <h3>Threading</h3>
 * Building a job is single-threaded; the environment is not thread-safe.
 *
 * @since 0.1
 */
@Public
public class StreamExecutionEnvironment {
  private static final String EMBEDDED_EXECUTOR = "weir.runtime.executor.EmbeddedExecutor";

  private final ExecutionConfig config = new ExecutionConfig();
  private final String executorName;
  private final List<Transformation<?>> sinks = new ArrayList<>();
  private int nextId;
  // the context the program was submitted in, for environments of getExecutionEnvironment()
  @Nullable private ExecutorContext context;

  protected StreamExecutionEnvironment(String executorName) {
    this.executorName = executorName;
  }

  /** The environment of the context the program runs in: embedded unless submitted to a cluster. */
  public static StreamExecutionEnvironment getExecutionEnvironment() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(System.getProperty("weir.executor", "embedded"));
    env.context = ExecutorContext.current();
    if (env.context != null) {
      env.context.defaults().accept(env.config);
    }
    return env;
  }

  /** An embedded environment with the given default parallelism. */
  public static StreamExecutionEnvironment createEmbeddedEnvironment(int parallelism) {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment("embedded");
    env.setParallelism(parallelism);
    return env;
  }

  /** The job's configuration. */
  public ExecutionConfig getConfig() {
    return config;
  }

  /**
   * Turns on periodic checkpoints every {@code interval}: the job snapshots its state
   * consistently and, after a failure, restarts from the latest checkpoint with exactly-once
   * results. Further settings are in {@link #getCheckpointConfig()}.
   */
  public StreamExecutionEnvironment enableCheckpointing(Duration interval) {
    config.getCheckpointConfig().setCheckpointInterval(interval);
    return this;
  }

  /** The job's checkpoint settings. */
  public CheckpointConfig getCheckpointConfig() {
    return config.getCheckpointConfig();
  }

  /** Sets what the job does when a task fails; see {@link RestartStrategy}. */
  public StreamExecutionEnvironment setRestartStrategy(RestartStrategy strategy) {
    config.setRestartStrategy(strategy);
    return this;
  }

  /** Sets the default parallelism of operators. */
  public StreamExecutionEnvironment setParallelism(int parallelism) {
    config.setParallelism(parallelism);
    return this;
  }

  public int getParallelism() {
    return config.getParallelism();
  }

  /** Sets the number of key groups (the upper bound for rescaling keyed state); default 128. */
  public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
    config.setMaxParallelism(maxParallelism);
    return this;
  }

  public int getMaxParallelism() {
    return config.getMaxParallelism();
  }

  /** A stream read from a source, with its output type derived from the source. */
  public <T> DataStream<T> fromSource(Source<T, ?, ?> source, String name) {
    return fromSource(source, TypeInference.ofSource(this, source), name);
  }

  /** A stream read from a source, with an explicit output type. */
  public <T> DataStream<T> fromSource(Source<T, ?, ?> source, TypeInfo<T> type, String name) {
    return fromSource(source, null, type, name);
  }

  /**
   * A stream read from a source with event time: {@code strategy} assigns the timestamps and
   * generates watermarks per source split, so that a split that is behind holds the watermark
   * back and an idle one (see {@link WatermarkStrategy#withIdleness}) does not.
   */
  public <T> DataStream<T> fromSource(Source<T, ?, ?> source, WatermarkStrategy<T> strategy, String name) {
    return fromSource(source, strategy, TypeInference.ofSource(this, source), name);
  }

  /** Like {@link #fromSource(Source, WatermarkStrategy, String)}, with an explicit output type. */
  public <T> DataStream<T> fromSource(Source<T, ?, ?> source, @Nullable WatermarkStrategy<T> strategy,
      TypeInfo<T> type, String name) {
    SerializabilityCheck.check(source, "source '" + name + "'");
    if (strategy != null) {
      SerializabilityCheck.check(strategy, "watermark strategy of source '" + name + "'");
    }
    return new DataStream<>(this,
        new SourceTransformation<>(newId(), name, TypeInference.checked(this, type), source, strategy));
  }

  /** A bounded stream of the given elements. */
  @SafeVarargs
  public final <T> DataStream<T> fromElements(T... elements) {
    return fromData(Arrays.asList(elements));
  }

  /** A bounded stream of the elements of a collection, in order when the parallelism is 1. */
  @SuppressWarnings("unchecked")
  public <T> DataStream<T> fromData(Collection<? extends T> elements) {
    if (elements.isEmpty()) {
      throw new InvalidProgramException("fromData/fromElements needs at least one element to know the type");
    }
    TypeInfo<T> type = TypeInference.checked(this, TypeInfo.of((Class<T>) elements.iterator().next().getClass()));
    return fromSource(new FromElementsSource<T>(elements, type.createSerializer(config.getSerializerConfig())), type,
        "Elements");
  }

  /** The numbers {@code from} to {@code to}, both inclusive. */
  public DataStream<Long> fromSequence(long from, long to) {
    return fromSource(new NumberSequenceSource(from, to), TypeInfo.of(Long.class), "Sequence");
  }

  /** The lines of a UTF-8 text file, or of the files in a directory. */
  public DataStream<String> readTextFile(Path path) {
    return fromSource(new TextLineSource(path), TypeInfo.of(String.class), "TextFile(" + path.getFileName() + ")");
  }

  /** Runs the job defined so far and waits for it to end. */
  public JobExecutionResult execute(String jobName) throws JobExecutionException {
    return executeAsync(jobName).await();
  }

  /** Runs the job defined so far under a default name and waits for it to end. */
  public JobExecutionResult execute() throws JobExecutionException {
    return execute("Weir job");
  }

  /** Submits the job defined so far and returns at once. */
  public JobClient executeAsync(String jobName) throws JobExecutionException {
    Pipeline pipeline = takePipeline(jobName);
    try {
      return executor().execute(pipeline);
    } catch (JobExecutionException | InvalidProgramException e) {
      throw e;
    } catch (Exception e) {
      throw new JobExecutionException("Could not submit job '" + jobName + "': " + e.getMessage(), e);
    }
  }

  <T> CloseableIterator<T> executeAndCollect(String jobName, String collectId) throws JobExecutionException {
    Pipeline pipeline = takePipeline(jobName);
    try {
      return executor().executeAndCollect(pipeline, collectId);
    } catch (InvalidProgramException e) {
      throw e;
    } catch (Exception e) {
      throw new JobExecutionException("Could not submit job '" + jobName + "': " + e.getMessage(), e);
    }
  }

  /** Takes the sinks defined so far as one pipeline; the environment starts over afterwards. */
  public Pipeline takePipeline(String jobName) {
    if (sinks.isEmpty()) {
      throw new InvalidProgramException(
          "Job '" + jobName + "' has no sinks: add one with sinkTo(...), print() or executeAndCollect()");
    }
    Pipeline pipeline = new Pipeline(jobName, List.copyOf(sinks), config);
    sinks.clear();
    return pipeline;
  }

  private PipelineExecutor executor() {
    if (context != null) {
      return context.executor();
    }
    if ("embedded".equals(executorName)) {
      // the common case skips the class-path scan of ServiceLoader, which is slow in a fresh JVM
      try {
        return (PipelineExecutor) Class.forName(EMBEDDED_EXECUTOR).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        // not on the class path: fall through to ServiceLoader, which gives the clear error below
      }
    }
    for (PipelineExecutor executor : ServiceLoader.load(PipelineExecutor.class)) {
      if (executor.name().equals(executorName)) {
        return executor;
      }
    }
    throw new InvalidProgramException(
        "No executor named '" + executorName + "' is on the class path; add weir-runtime for the embedded one");
  }

  int newId() {
    return nextId++;
  }

  void addSink(SinkTransformation<?> sink) {
    sinks.add(sink);
  }
}
