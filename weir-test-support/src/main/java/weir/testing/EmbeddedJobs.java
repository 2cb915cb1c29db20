package weir.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobExecutionException;

/**
 * Runs bounded jobs embedded in the test's JVM and returns what they produced.
 *
 * <pre>{@code
 * var env = EmbeddedJobs.environment(4);
 * List<Long> out = EmbeddedJobs.collect(env.fromSequence(1, 10).map(x -> x * 2));
 * }</pre>
 *
 * <p>For sinks of more than one subtask, or several outputs of one job, use {@link
 * CollectingSink}.
 *
 * @since 0.1
 */
public final class EmbeddedJobs {
  private EmbeddedJobs() {}

  /**
   * An embedded environment for tests: the given default parallelism, and a job graph that is
   * serialized and deserialized before it runs, as a cluster would, so that a function that
   * cannot be shipped fails in the test already.
   */
  public static StreamExecutionEnvironment environment(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.getConfig().setSerializeJobGraph(true);
    return env;
  }

  /**
   * Runs the job that {@code stream} belongs to until it ends and returns the stream's records,
   * in the order they reached the collecting subtask.
   */
  public static <T> List<T> collect(DataStream<T> stream) throws JobExecutionException {
    return stream.executeAndCollectAll();
  }

  /**
   * Like {@link #collect(DataStream)}, sorted: the order of records from parallel subtasks is not
   * deterministic, their sorted order is.
   */
  public static <T> List<T> collectSorted(DataStream<T> stream, Comparator<? super T> order)
      throws JobExecutionException {
    List<T> records = new ArrayList<>(collect(stream));
    records.sort(order);
    return records;
  }
}
