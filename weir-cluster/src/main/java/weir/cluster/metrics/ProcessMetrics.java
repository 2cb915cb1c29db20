package weir.cluster.metrics;

import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The metrics of one cluster process, for Prometheus: the JVM's (memory, collections, threads,
 * class loading, CPU) and whatever the process registers, each tagged with the process's role
 * ({@code jobmanager} or {@code taskmanager}) and id, as the tags {@code role} and
 * {@code node}. {@link #route} serves them at {@code GET
 * /metrics} in the Prometheus text format.
 *
 * <p>Thread-safe.
 */
public final class ProcessMetrics implements AutoCloseable {
  /** Content type of the Prometheus text exposition format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /** Metrics of the process with {@code role} and {@code id}. */
  public ProcessMetrics(String role, String id) {
    // not "id": the JVM's memory meters use that tag for the memory pool
    registry.config().commonTags("role", role, "node", id);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /** Where the process registers its own meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The current values in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  /** Adds {@code GET /metrics} to a Javalin configuration. */
  public void route(JavalinConfig cfg) {
    cfg.routes.get("/metrics", ctx -> ctx.contentType(CONTENT_TYPE).result(scrape()));
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
