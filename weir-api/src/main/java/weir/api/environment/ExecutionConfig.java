package weir.api.environment;

import javax.annotation.Nullable;
import weir.api.checkpoint.CheckpointConfig;
import weir.api.checkpoint.RestartStrategy;
import weir.api.checkpoint.SavepointRestoreSettings;

import java.io.Serializable;
import java.time.Duration;
import weir.api.annotation.Public;
import weir.api.typeinfo.SerializerConfig;

/**
 * The settings of one job, fixed when it is submitted.
 *
 * <ul>
 *   <li>{@code parallelism}: default number of parallel subtasks per operator (default: the
 *       number of cores).
 *   <li>{@code maxParallelism}: the number of key groups keyed state is sharded into, and so the
 *       upper bound of parallelism when rescaling (default 128).
 *   <li>{@code workerThreads}: the embedded executor's cooperative worker threads (default: the
 *       number of cores).
 *   <li>{@code exchangeCapacity}: records buffered per channel between two subtasks (default
 *       1024, a power of two); a full channel backpressures the producer.
 *   <li>{@code stallWarning}: how long one subtask may hold a shared worker thread before a
 *       warning names it and suggests marking it blocking (default 5 s).
 *   <li>{@code checkpointConfig}: whether and how the job takes checkpoints ({@link CheckpointConfig}).
 *   <li>{@code restartStrategy}: what happens when a task fails ({@link RestartStrategy}); by
 *       default no restart without checkpoints, exponential delay with them.
 * </ul>
 *
 * @since 0.1
 */
@Public
public final class ExecutionConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default number of key groups. */
  public static final int DEFAULT_MAX_PARALLELISM = 128;
  /** Upper bound of key groups. */
  public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

  private int parallelism = Runtime.getRuntime().availableProcessors();
  private int maxParallelism = DEFAULT_MAX_PARALLELISM;
  private int workerThreads = Runtime.getRuntime().availableProcessors();
  private int exchangeCapacity = 1024;
  private boolean serializeJobGraph;
  private Duration stallWarning = Duration.ofSeconds(5);
  private Duration autoWatermarkInterval = Duration.ofMillis(200);
  private final SerializerConfig serializerConfig = new SerializerConfig();
  private final CheckpointConfig checkpointConfig = new CheckpointConfig();
  @Nullable private RestartStrategy restartStrategy;
  @Nullable private SavepointRestoreSettings savepointRestoreSettings;

  public int getParallelism() {
    return parallelism;
  }

  public ExecutionConfig setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, but was " + parallelism);
    }
    this.parallelism = parallelism;
    return this;
  }

  public int getMaxParallelism() {
    return maxParallelism;
  }

  public ExecutionConfig setMaxParallelism(int maxParallelism) {
    if (maxParallelism < 1 || maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "maxParallelism must be between 1 and " + UPPER_BOUND_MAX_PARALLELISM + ", but was " + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
    return this;
  }

  public int getWorkerThreads() {
    return workerThreads;
  }

  public ExecutionConfig setWorkerThreads(int workerThreads) {
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1, but was " + workerThreads);
    }
    this.workerThreads = workerThreads;
    return this;
  }

  public int getExchangeCapacity() {
    return exchangeCapacity;
  }

  public ExecutionConfig setExchangeCapacity(int exchangeCapacity) {
    if (exchangeCapacity < 2 || Integer.bitCount(exchangeCapacity) != 1) {
      throw new IllegalArgumentException(
          "exchangeCapacity must be a power of two of at least 2, but was " + exchangeCapacity);
    }
    this.exchangeCapacity = exchangeCapacity;
    return this;
  }

  public Duration getStallWarning() {
    return stallWarning;
  }

  public ExecutionConfig setStallWarning(Duration stallWarning) {
    if (stallWarning.isNegative() || stallWarning.isZero()) {
      throw new IllegalArgumentException("stallWarning must be positive, but was " + stallWarning);
    }
    this.stallWarning = stallWarning;
    return this;
  }

  /**
   * How often periodic watermark generators are asked for a watermark (in processing time); zero
   * turns periodic emission off, leaving punctuated generators and the end-of-input watermark.
   * Default 200 ms.
   */
  public Duration getAutoWatermarkInterval() {
    return autoWatermarkInterval;
  }

  public ExecutionConfig setAutoWatermarkInterval(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("autoWatermarkInterval must not be negative, but was " + interval);
    }
    this.autoWatermarkInterval = interval;
    return this;
  }

  /**
   * Serializer registrations and the opt-in generic fallback; see {@link SerializerConfig}.
   */
  public SerializerConfig getSerializerConfig() {
    return serializerConfig;
  }

  /**
   * Whether the embedded executor runs a serialized and deserialized copy of the job graph, as a
   * cluster would; off by default, useful in tests to prove a job is ready for distribution.
   */
  public boolean isSerializeJobGraph() {
    return serializeJobGraph;
  }

  public ExecutionConfig setSerializeJobGraph(boolean serializeJobGraph) {
    this.serializeJobGraph = serializeJobGraph;
    return this;
  }

  /** How the job takes checkpoints. */
  public CheckpointConfig getCheckpointConfig() {
    return checkpointConfig;
  }

  /** The restart strategy: the one set, or the default for whether checkpoints are on. */
  public RestartStrategy getRestartStrategy() {
    if (restartStrategy != null) {
      return restartStrategy;
    }
    return checkpointConfig.isCheckpointingEnabled()
        ? RestartStrategy.exponentialDelay(Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0, Duration.ofHours(1))
        : RestartStrategy.noRestart();
  }

  public ExecutionConfig setRestartStrategy(RestartStrategy restartStrategy) {
    this.restartStrategy = java.util.Objects.requireNonNull(restartStrategy, "restartStrategy");
    return this;
  }

  /** The savepoint the job starts from, or {@code null} for a fresh start. */
  @Nullable
  public SavepointRestoreSettings getSavepointRestoreSettings() {
    return savepointRestoreSettings;
  }

  public ExecutionConfig setSavepointRestoreSettings(@Nullable SavepointRestoreSettings settings) {
    this.savepointRestoreSettings = settings;
    return this;
  }
}
