package weir.bench.cluster;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter that adds up, over all subtasks, the bytes their input channels
 * received from other TaskManagers ({@code numBytesInRemote} of the task's I/O metrics), read
 * when each task's metrics are removed at its end. Flink registers that counter once per task in
 * its I/O group and again under {@code Shuffle.Netty.Input}; only the former is counted.
 * Registered through {@code META-INF/services}, since Flink finds reporter factories by service
 * loading.
 */
public final class FlinkRemoteBytesReporter implements MetricReporter {
  private static final String NAME = "numBytesInRemote";
  private static final AtomicLong REMOTE_BYTES = new AtomicLong();

  /** Adds this reporter to a MiniCluster's configuration. */
  static void configure(Configuration config) {
    config.setString("metrics.reporter.remote-bytes.factory.class", Factory.class.getName());
  }

  static void reset() {
    REMOTE_BYTES.set(0);
  }

  /** Bytes received from other TaskManagers by the tasks that have ended since {@link #reset}. */
  static long remoteBytes() {
    return REMOTE_BYTES.get();
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {}

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
    if (NAME.equals(name) && metric instanceof Counter counter
        && !group.getMetricIdentifier(name).contains("Shuffle")) {
      REMOTE_BYTES.addAndGet(counter.getCount());
    }
  }

  /** The factory Flink instantiates by the class name in the configuration. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new FlinkRemoteBytesReporter();
    }
  }
}
