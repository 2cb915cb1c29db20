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
  private final Jobs jobs;
  private Server rpcServer;
  private Javalin rest;

  public JobManager(ClusterConfig config) {
    this.config = config;
    this.registry = new TaskManagerRegistry(config.get(ClusterConfig.HEARTBEAT_TIMEOUT), System::nanoTime);
    this.jobs = new Jobs(registry, workingDirectory().resolve("jobs"),
        jobId -> "http://" + config.get(ClusterConfig.JOBMANAGER_HOST) + ":" + restPort() + "/jobs/" + jobId + "/jar");
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
    rest = new RestApi(registry, jobs, metrics, workingDirectory().resolve("uploads"),
        config.get(ClusterConfig.SAVEPOINTS_DIRECTORY), restToken(host)).create()
        .start(host, config.get(ClusterConfig.REST_PORT));
    // checks a few times per timeout, so a lost TaskManager is noticed soon after its timeout
    long checkMillis = Math.max(50, config.get(ClusterConfig.HEARTBEAT_TIMEOUT).toMillis() / 4);
    monitor.scheduleWithFixedDelay(() -> {
      java.util.List<String> lost = registry.expire();
      lostTaskManagers.increment(lost.size());
      jobs.taskManagersLost(lost);
    }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    JobMeters jobMeters = new JobMeters(jobs::list, metrics.registry());
    monitor.scheduleWithFixedDelay(jobMeters::update, 0, 1, TimeUnit.SECONDS);
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

  private java.nio.file.Path workingDirectory() {
    return config.get(ClusterConfig.WORKING_DIRECTORY).resolve("jobmanager");
  }

  /**
   * The token REST calls that change jobs need: the configured one; else, on an address other than
   * loopback, a random one written to {@code rest-token} in the working folder; else none.
   */
  private String restToken(String host) throws IOException {
    String configured = config.get(ClusterConfig.REST_AUTH_TOKEN);
    if (!configured.isEmpty() || java.net.InetAddress.getByName(host).isLoopbackAddress()) {
      return configured;
    }
    byte[] random = new byte[24];
    new java.security.SecureRandom().nextBytes(random);
    String token = java.util.HexFormat.of().formatHex(random);
    java.nio.file.Path file = workingDirectory().resolve("rest-token");
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.writeString(file, token + "\n");
    try {
      java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      LOG.debug("cannot restrict the permissions of {}", file);
    }
    LOG.info("REST calls that change jobs need a bearer token (the API binds to {}): it is in {}", host, file);
    return token;
  }

  @Override
  public void close() throws InterruptedException {
    monitor.shutdownNow();
    jobs.close();
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
      String registrationId = registry.register(request.getTaskManagerId(), request.getHost(),
          new TaskManagerRegistry.Ports(request.getMetricsPort(), request.getRpcPort(), request.getDataPort()),
          request.getSlots(), request.getPid());
      registry.registered(request.getTaskManagerId()).ifPresent(jobs::taskManagerRegistered);
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
      if (registered) {
        jobs.subtaskStats(request.getSubtasksList());
      }
      response.onNext(JobManagerHeartbeat.newBuilder().setRegistered(registered).build());
      response.onCompleted();
    }

    @Override
    public void reportTask(weir.cluster.rpc.TaskReport request, StreamObserver<weir.cluster.rpc.Done> response) {
      try {
        jobs.report(request);
        response.onNext(weir.cluster.rpc.Done.getDefaultInstance());
        response.onCompleted();
      } catch (Exception e) {
        LOG.error("Handling a report of TaskManager {} about job {} failed", request.getTaskManagerId(),
            request.getJobId(), e);
        response.onError(io.grpc.Status.INTERNAL.withDescription(String.valueOf(e)).asRuntimeException());
      }
    }
  }
}
