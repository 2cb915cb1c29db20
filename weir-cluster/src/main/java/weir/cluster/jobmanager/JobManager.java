package weir.cluster.jobmanager;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.cluster.config.ClusterConfig;
import weir.cluster.metrics.ProcessMetrics;
import weir.cluster.rpc.JobManagerGatewayGrpc;
import weir.cluster.rpc.JobManagerHeartbeat;
import weir.cluster.rpc.RegisterTaskManagerRequest;
import weir.cluster.rpc.RegisterTaskManagerResponse;
import weir.cluster.rpc.TaskManagerHeartbeat;

/**
 * The JobManager process: the gRPC server TaskManagers register and send heartbeats to, a monitor
 * that takes a TaskManager for lost when its heartbeats stop, and the REST API with the
 * process's Prometheus metrics.
 *
 * <p>{@link #start} binds both servers; {@link #close} stops them.
 */
public final class JobManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);

  private final ClusterConfig config;
  private final TaskManagerRegistry registry;
  private final ScheduledExecutorService monitor;
  private final ProcessMetrics metrics = new ProcessMetrics("jobmanager", "jobmanager");
  private final Counter lostTaskManagers;
  private Server rpcServer;
  private Javalin rest;

  public JobManager(ClusterConfig config) {
    this.config = config;
    this.registry = new TaskManagerRegistry(config.get(ClusterConfig.HEARTBEAT_TIMEOUT), System::nanoTime);
    this.monitor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "weir-heartbeat-monitor");
      t.setDaemon(true);
      return t;
    });
    MeterRegistry meters = metrics.registry();
    for (TaskManagerRegistry.Status status : TaskManagerRegistry.Status.values()) {
      Gauge.builder("weir.taskmanagers", registry, r -> r.count(status))
          .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
          .description("TaskManagers known to the JobManager, by status")
          .register(meters);
    }
    Gauge.builder("weir.taskmanager.slots", registry, TaskManagerRegistry::registeredSlots)
        .description("slots of the registered TaskManagers")
        .register(meters);
    this.lostTaskManagers = Counter.builder("weir.taskmanagers.lost")
        .description("TaskManagers taken for lost after their heartbeats stopped")
        .register(meters);
  }

  /** Binds the gRPC server and the REST API and starts watching heartbeats. */
  public JobManager start() throws IOException {
    String host = config.get(ClusterConfig.JOBMANAGER_HOST);
    rpcServer = NettyServerBuilder.forAddress(new InetSocketAddress(host, config.get(ClusterConfig.JOBMANAGER_RPC_PORT)))
        .addService(new Gateway())
        .build()
        .start();
    rest = RestApi.create(registry, metrics).start(host, config.get(ClusterConfig.REST_PORT));
    // checks a few times per timeout, so a lost TaskManager is noticed soon after its timeout
    long checkMillis = Math.max(50, config.get(ClusterConfig.HEARTBEAT_TIMEOUT).toMillis() / 4);
    monitor.scheduleWithFixedDelay(() -> lostTaskManagers.increment(registry.expire().size()), checkMillis, checkMillis,
        TimeUnit.MILLISECONDS);
    LOG.info("JobManager started: rpc {}:{}, rest http://{}:{}", host, rpcPort(), host, restPort());
    return this;
  }

  /** The port the gRPC server listens on. */
  public int rpcPort() {
    return rpcServer.getPort();
  }

  /** The port the REST API listens on. */
  public int restPort() {
    return rest.port();
  }

  /** The TaskManagers known to this JobManager. */
  public TaskManagerRegistry taskManagers() {
    return registry;
  }

  /** Blocks until the servers stop. */
  public void awaitTermination() throws InterruptedException {
    rpcServer.awaitTermination();
  }

  @Override
  public void close() throws InterruptedException {
    monitor.shutdownNow();
    if (rest != null) {
      rest.stop();
    }
    if (rpcServer != null) {
      rpcServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    metrics.close();
  }

  /** The gRPC service TaskManagers call. */
  private final class Gateway extends JobManagerGatewayGrpc.JobManagerGatewayImplBase {
    @Override
    public void registerTaskManager(RegisterTaskManagerRequest request,
        StreamObserver<RegisterTaskManagerResponse> response) {
      if (request.getTaskManagerId().isBlank() || request.getSlots() < 1) {
        response.onError(io.grpc.Status.INVALID_ARGUMENT
            .withDescription("A TaskManager must give an id and at least one slot, got id '"
                + request.getTaskManagerId() + "' and " + request.getSlots() + " slot(s)")
            .asRuntimeException());
        return;
      }
      String registrationId = registry.register(request.getTaskManagerId(), request.getHost(), request.getMetricsPort(),
          request.getSlots(), request.getPid());
      Duration interval = config.get(ClusterConfig.HEARTBEAT_INTERVAL);
      Duration timeout = config.get(ClusterConfig.HEARTBEAT_TIMEOUT);
      response.onNext(RegisterTaskManagerResponse.newBuilder()
          .setRegistrationId(registrationId)
          .setHeartbeatIntervalMs(interval.toMillis())
          .setHeartbeatTimeoutMs(timeout.toMillis())
          .build());
      response.onCompleted();
    }

    @Override
    public void heartbeat(TaskManagerHeartbeat request, StreamObserver<JobManagerHeartbeat> response) {
      boolean registered = registry.heartbeat(request.getTaskManagerId(), request.getRegistrationId(),
          request.getFreeSlots());
      response.onNext(JobManagerHeartbeat.newBuilder().setRegistered(registered).build());
      response.onCompleted();
    }
  }

  /**
   * The REST API of the JobManager. Every error is JSON, {@code {"code": 404, "message": ...}};
   * a failure inside a handler is logged and answered with 500 and its message.
   */
  static final class RestApi {
    // the OpenAPI document of the routes below, kept beside them (ClusterProcessesIT checks each path answers)
    private static final String OPENAPI = readOpenApi();

    private RestApi() {}

    private static String readOpenApi() {
      try (var in = RestApi.class.getResourceAsStream("/weir/cluster/openapi.json")) {
        if (in == null) {
          throw new IllegalStateException("weir/cluster/openapi.json is missing from the class path");
        }
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    static Javalin create(TaskManagerRegistry registry, ProcessMetrics metrics) {
      return Javalin.create(cfg -> {
        cfg.startup.showJavalinBanner = false;
        cfg.routes.get("/taskmanagers", ctx -> ctx.json(Map.of("taskmanagers", registry.list())));
        metrics.route(cfg);
        cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OPENAPI));
        cfg.routes.error(404, ctx -> ctx.json(error(404, "No such resource: " + ctx.method() + " " + ctx.path()
            + "; GET /openapi.json lists the resources")));
        cfg.routes.exception(Exception.class, (e, ctx) -> {
          LOG.error("REST request {} {} failed", ctx.method(), ctx.path(), e);
          ctx.status(500).json(error(500, "The JobManager failed to answer: " + e));
        });
      });
    }

    private static Map<String, Object> error(int code, String message) {
      return Map.of("code", code, "message", message);
    }
  }
}
