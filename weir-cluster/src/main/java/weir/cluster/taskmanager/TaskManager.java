package weir.cluster.taskmanager;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.io.IOException;
import javax.annotation.Nullable;
import weir.runtime.network.NetworkConfig;
import weir.runtime.network.NetworkEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.cluster.config.ClusterConfig;
import weir.cluster.metrics.ProcessMetrics;
import weir.cluster.rpc.JobManagerGatewayGrpc;
import weir.cluster.rpc.RegisterTaskManagerRequest;
import weir.cluster.rpc.RegisterTaskManagerResponse;
import weir.cluster.rpc.TaskManagerHeartbeat;

/**
 * The TaskManager process: registers its slots with the JobManager and keeps sending heartbeats.
 * When the JobManager refuses a heartbeat (it took this TaskManager for lost) or cannot be
 * reached for longer than the heartbeat timeout, the TaskManager takes the JobManager for lost
 * and registers again, retrying until the JobManager is back. Its Prometheus metrics are served at
 * {@code GET /metrics} on {@code taskmanager.metrics.port}.
 *
 * <p>One thread drives registration and heartbeats; {@link #close} stops it.
 */
public final class TaskManager implements AutoCloseable {
  // buffers per remote input channel, and shared by the channels of one input gate (Flink's defaults)
  private static final int EXCLUSIVE_BUFFERS = 2;
  private static final int FLOATING_BUFFERS = 8;
  private static final Logger LOG = LoggerFactory.getLogger(TaskManager.class);

  private final ClusterConfig config;
  private final String id;
  private final String jobManagerAddress;
  private final ManagedChannel channel;
  private final JobManagerGatewayGrpc.JobManagerGatewayBlockingStub gateway;
  private final ScheduledExecutorService loop;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ProcessMetrics metrics;
  private final Counter heartbeatsSent;
  private final Counter heartbeatsFailed;
  private final Counter registrations;
  private final Reports reports;
  private final JobJars jars;
  private final TaskExecutorService executor;
  private final NetworkEnvironment network;
  private final ScheduledExecutorService sampler;
  private final SubtaskMonitor monitor;
  private io.grpc.Server rpcServer;
  private Javalin metricsServer;
  @Nullable private volatile String registrationId;
  private long intervalMillis;
  private long timeoutMillis;
  private long lastAcknowledged;

  /**
   * A TaskManager that will register with the JobManager at {@code jobManagerHost:jobManagerPort}.
   *
   * @param id names this TaskManager; a random one if {@code null}
   */
  public TaskManager(ClusterConfig config, String jobManagerHost, int jobManagerPort, @Nullable String id)
      throws IOException {
    this.config = config;
    this.id = id != null ? id : "tm-" + UUID.randomUUID().toString().substring(0, 8);
    this.jobManagerAddress = jobManagerHost + ":" + jobManagerPort;
    this.channel = NettyChannelBuilder.forAddress(jobManagerHost, jobManagerPort).usePlaintext().build();
    this.gateway = JobManagerGatewayGrpc.newBlockingStub(channel);
    this.loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "weir-taskmanager-" + this.id));
    this.intervalMillis = config.get(ClusterConfig.HEARTBEAT_INTERVAL).toMillis();
    this.timeoutMillis = config.get(ClusterConfig.HEARTBEAT_TIMEOUT).toMillis();
    this.metrics = new ProcessMetrics("taskmanager", this.id);
    this.heartbeatsSent = Counter.builder("weir.heartbeats.sent")
        .description("heartbeats the JobManager acknowledged").register(metrics.registry());
    this.heartbeatsFailed = Counter.builder("weir.heartbeats.failed")
        .description("heartbeats that got no reply or were refused").register(metrics.registry());
    this.registrations = Counter.builder("weir.registrations")
        .description("times this TaskManager registered with a JobManager").register(metrics.registry());
    this.reports = new Reports(this.id, gateway);
    this.jars = new JobJars(config.get(ClusterConfig.WORKING_DIRECTORY).resolve("taskmanager-" + this.id));
    long bufferSize = config.get(ClusterConfig.TASKMANAGER_NETWORK_BUFFER_SIZE);
    this.network = NetworkEnvironment.start(new NetworkConfig(config.get(ClusterConfig.TASKMANAGER_HOST),
        config.get(ClusterConfig.TASKMANAGER_DATA_PORT), (int) bufferSize,
        (int) Math.max(1, config.get(ClusterConfig.TASKMANAGER_NETWORK_MEMORY) / bufferSize), EXCLUSIVE_BUFFERS,
        FLOATING_BUFFERS));
    networkMeters();
    this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "weir-subtask-monitor");
      t.setDaemon(true);
      return t;
    });
    this.executor = new TaskExecutorService(this.id, reports, jars,
        (job, attempt, placements) -> new NetworkChannels(network, job, attempt, placements),
        config.get(ClusterConfig.TASKMANAGER_WORKERS));
    this.monitor = new SubtaskMonitor(executor::running, metrics.registry());
  }

  /** This TaskManager's id. */
  public String id() {
    return id;
  }

  /** Whether the JobManager has this TaskManager registered, as far as this side knows. */
  public boolean isRegistered() {
    return registrationId != null;
  }

  /** Starts the task executor and metrics endpoints, then registering and sending heartbeats. */
  public TaskManager start() throws java.io.IOException {
    rpcServer = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(new java.net.InetSocketAddress(
            config.get(ClusterConfig.TASKMANAGER_HOST), config.get(ClusterConfig.TASKMANAGER_RPC_PORT)))
        .addService(executor)
        .maxInboundMessageSize(256 << 20)
        .build()
        .start();
    String logFile = config.get(ClusterConfig.LOG_FILE);
    LogPages logs = new LogPages(id, logFile.isEmpty() ? null : java.nio.file.Path.of(logFile));
    metricsServer = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      metrics.route(cfg);
      cfg.routes.get("/logs", ctx -> {
        try {
          String offset = ctx.queryParam("offset");
          String length = ctx.queryParam("length");
          ctx.json(logs.page(offset == null ? null : Long.valueOf(offset),
              length == null ? LogPages.DEFAULT_LENGTH : Integer.parseInt(length)));
        } catch (NumberFormatException e) {
          ctx.status(400).json(java.util.Map.of("code", 400, "message", "offset and length must be whole numbers: "
              + e.getMessage()));
        } catch (IllegalArgumentException e) {
          ctx.status(400).json(java.util.Map.of("code", 400, "message", e.getMessage()));
        } catch (IllegalStateException e) {
          ctx.status(404).json(java.util.Map.of("code", 404, "message", e.getMessage()));
        }
      });
    }).start(config.get(ClusterConfig.TASKMANAGER_HOST), config.get(ClusterConfig.TASKMANAGER_METRICS_PORT));
    loop.execute(this::tick);
    sampler.scheduleAtFixedRate(monitor::sample, 100, 100, TimeUnit.MILLISECONDS);
    return this;
  }

  /** The port of this TaskManager's {@code GET /metrics}. */
  public int metricsPort() {
    return metricsServer.port();
  }

  /** Blocks until {@link #close} is called. */
  public void awaitTermination() throws InterruptedException {
    closed.await();
  }

  private void tick() {
    try {
      if (registrationId == null) {
        register();
      } else {
        heartbeat();
      }
    } catch (RuntimeException e) {
      LOG.error("TaskManager {}: unexpected failure in the heartbeat loop", id, e);
    }
    if (!loop.isShutdown()) {
      loop.schedule(this::tick, intervalMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void register() {
    try {
      RegisterTaskManagerResponse response = gateway.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS)
          .registerTaskManager(RegisterTaskManagerRequest.newBuilder()
              .setTaskManagerId(id)
              .setHost(config.get(ClusterConfig.TASKMANAGER_HOST))
              .setSlots(config.get(ClusterConfig.TASKMANAGER_SLOTS))
              .setPid(ProcessHandle.current().pid())
              .setMetricsPort(metricsPort())
              .setRpcPort(rpcServer.getPort())
              .setDataPort(dataPort())
              .build());
      registrations.increment();
      // the JobManager's settings win, so both sides time out alike
      intervalMillis = response.getHeartbeatIntervalMs();
      timeoutMillis = response.getHeartbeatTimeoutMs();
      lastAcknowledged = System.nanoTime();
      registrationId = response.getRegistrationId();
      LOG.info("TaskManager {} registered with the JobManager at {} ({} slot(s))", id, jobManagerAddress,
          config.get(ClusterConfig.TASKMANAGER_SLOTS));
    } catch (StatusRuntimeException e) {
      LOG.info("TaskManager {}: cannot register with the JobManager at {} yet ({}); retrying", id, jobManagerAddress,
          e.getStatus().getCode());
    }
  }

  private void heartbeat() {
    try {
      boolean registered = gateway.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS)
          .heartbeat(TaskManagerHeartbeat.newBuilder()
              .setTaskManagerId(id)
              .setRegistrationId(registrationId)
              .setFreeSlots(config.get(ClusterConfig.TASKMANAGER_SLOTS))
              .addAllSubtasks(monitor.latest())
              .build())
          .getRegistered();
      if (registered) {
        lastAcknowledged = System.nanoTime();
        heartbeatsSent.increment();
      } else {
        heartbeatsFailed.increment();
        LOG.warn("TaskManager {}: the JobManager at {} no longer has it registered; registering again", id,
            jobManagerAddress);
        registrationId = null;
        executor.cancelAll();
      }
    } catch (StatusRuntimeException e) {
      heartbeatsFailed.increment();
      long silentMillis = (System.nanoTime() - lastAcknowledged) / 1_000_000;
      if (silentMillis > timeoutMillis) {
        LOG.warn("TaskManager {}: JobManager at {} lost: no heartbeat reply for {} ms ({}); registering again", id,
            jobManagerAddress, silentMillis, e.getStatus().getCode());
        registrationId = null;
        executor.cancelAll();
      }
    }
  }

  private void networkMeters() {
    var meters = metrics.registry();
    io.micrometer.core.instrument.Gauge.builder("weir.network.buffers", network, n -> n.stats().totalBuffers())
        .description("network buffers of this TaskManager").register(meters);
    io.micrometer.core.instrument.Gauge.builder("weir.network.buffers.available", network,
        n -> n.stats().availableBuffers()).description("network buffers neither held by a gate nor carrying data")
        .register(meters);
    io.micrometer.core.instrument.FunctionCounter.builder("weir.network.sent.bytes", network, n -> n.stats().bytesSent())
        .description("payload bytes of the data buffers sent to other TaskManagers").register(meters);
    io.micrometer.core.instrument.FunctionCounter.builder("weir.network.received.bytes", network,
        n -> n.stats().bytesReceived()).description("payload bytes of the data buffers received").register(meters);
    io.micrometer.core.instrument.FunctionCounter.builder("weir.network.sent.buffers", network,
        n -> n.stats().buffersSent()).description("data buffers sent to other TaskManagers").register(meters);
  }

  /** The port of this TaskManager's network data server. */
  public int dataPort() {
    return network.address().getPort();
  }

  @Override
  public void close() throws InterruptedException {
    loop.shutdownNow();
    sampler.shutdownNow();
    executor.cancelAll();
    if (rpcServer != null) {
      rpcServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    reports.close();
    jars.close();
    network.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    if (metricsServer != null) {
      metricsServer.stop();
    }
    metrics.close();
    closed.countDown();
  }
}
