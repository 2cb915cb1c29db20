package weir.cluster.jobmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.api.checkpoint.CheckpointStats;
import weir.cluster.metrics.ProcessMetrics;
import weir.runtime.graph.JobVertex;
import weir.runtime.graph.StreamNode;

/**
 * The REST API of the JobManager (Javalin, JSON). Every error is JSON, {@code {"code": 404,
 * "message": ...}}: bad input gets a 4xx with a message that names the fault; only a failure of
 * the JobManager itself is a 500. Calls that submit or change jobs need the bearer token when one
 * is set. No file path is built from request data without being resolved against its root and
 * checked to stay inside it.
 */
final class RestApi {
  private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  // the OpenAPI document of the routes below, kept beside them (a test checks each path answers)
  private static final String OPENAPI = readOpenApi();
  private static final long SAVEPOINT_TIMEOUT_SECONDS = 120;
  // set on a request whose error a handler answered already, so the 404 page does not replace it
  private static final String ANSWERED = "weir.answered";

  /** An answer other than 2xx: status and message. */
  static final class RestError extends RuntimeException {
    final int code;

    RestError(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private final TaskManagerRegistry registry;
  private final Jobs jobs;
  private final ProcessMetrics metrics;
  private final Path uploads;
  private final Path savepointRoot;
  private final String token;
  private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
      .connectTimeout(java.time.Duration.ofSeconds(5)).build();

  /**
   * @param uploads where uploaded jars land before they are handed to {@link Jobs}
   * @param savepointRoot the folder savepoints are written under and restored from
   * @param token the bearer token mutating calls need; empty: none
   */
  RestApi(TaskManagerRegistry registry, Jobs jobs, ProcessMetrics metrics, Path uploads, Path savepointRoot,
      String token) {
    this.registry = registry;
    this.jobs = jobs;
    this.metrics = metrics;
    this.uploads = uploads;
    this.savepointRoot = savepointRoot.toAbsolutePath().normalize();
    this.token = token;
  }

  private static String readOpenApi() {
    try (var in = RestApi.class.getResourceAsStream("/weir/cluster/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("weir/cluster/openapi.json is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Javalin create() {
    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.jetty.multipartConfig.maxFileSize(512, io.javalin.config.SizeUnit.MB);
      cfg.jetty.multipartConfig.maxTotalRequestSize(520, io.javalin.config.SizeUnit.MB);
      cfg.routes.before(this::authorize);
      cfg.routes.get("/taskmanagers", ctx -> ctx.json(Map.of("taskmanagers", registry.list())));
      cfg.routes.get("/taskmanagers/{id}/logs", this::taskManagerLogs);
      cfg.routes.get("/jobs", ctx -> ctx.json(Map.of("jobs", jobs.list().stream().map(RestApi::summary).toList())));
      cfg.routes.post("/jobs", this::submit);
      cfg.routes.get("/jobs/{id}", ctx -> ctx.json(details(job(ctx))));
      cfg.routes.post("/jobs/{id}/cancel", ctx -> {
        ClusterJob job = job(ctx);
        job.cancel();
        ctx.status(202).json(summary(job));
      });
      cfg.routes.post("/jobs/{id}/stop", this::stop);
      cfg.routes.post("/jobs/{id}/savepoints", this::savepoint);
      cfg.routes.post("/jobs/{id}/rescale", this::rescale);
      cfg.routes.post("/jobs/{id}/restart", ctx -> {
        ClusterJob job = job(ctx);
        job.restartNow();
        ctx.status(202).json(summary(job));
      });
      cfg.routes.get("/jobs/{id}/checkpoints", ctx -> ctx.json(Map.of("checkpoints",
          job(ctx).checkpointStats().stream().map(RestApi::checkpoint).toList())));
      cfg.routes.get("/jobs/{id}/exceptions", ctx -> ctx.json(Map.of("exceptions", job(ctx).failures())));
      cfg.routes.get("/jobs/{id}/dead-letters", ctx -> {
        var log = job(ctx).deadLetters();
        ctx.json(Map.of("deadLetters", log.entries(), "dropped", log.dropped()));
      });
      cfg.routes.get("/jobs/{id}/jar", ctx -> {
        Path jar = jobs.jar(job(ctx).id()).orElseThrow(() -> new RestError(404, "Job " + ctx.pathParam("id")
            + " has ended; its jar is deleted"));
        ctx.contentType("application/java-archive").result(Files.newInputStream(jar));
      });
      metrics.route(cfg);
      cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OPENAPI));
      cfg.routes.error(404, ctx -> {
        if (ctx.attribute(ANSWERED) == null) {
          ctx.json(error(404, "No such resource: " + ctx.method() + " " + ctx.path()
              + "; GET /openapi.json lists the resources"));
        }
      });
      cfg.routes.exception(RestError.class, (e, ctx) -> {
        ctx.attribute(ANSWERED, true);
        ctx.status(e.code).json(error(e.code, e.getMessage()));
      });
      // what a job refuses to do now (not running, no checkpoints) and a request it cannot take
      cfg.routes.exception(IllegalStateException.class, (e, ctx) -> ctx.status(409).json(error(409, e.getMessage())));
      cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(error(400, e.getMessage())));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("REST request {} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(500).json(error(500, "The JobManager failed to answer: " + e));
      });
    });
  }

  private void authorize(Context ctx) {
    if (token.isEmpty() || ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD
        || ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    String header = ctx.header("Authorization");
    String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw new RestError(401, ctx.method() + " " + ctx.path() + " needs the JobManager's token: send the header "
          + "'Authorization: Bearer <token>' (rest.auth.token, or the rest-token file in the JobManager's working folder)");
    }
  }

  /** A page of a TaskManager's log, fetched from the TaskManager; only offset and length pass on. */
  private void taskManagerLogs(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    TaskManagerRegistry.TaskManagerInfo tm = registry.registered(id).orElseThrow(() -> new RestError(404,
        "No live TaskManager with id '" + id + "'; GET /taskmanagers lists them"));
    StringBuilder query = new StringBuilder();
    for (String name : List.of("offset", "length")) {
      String value = ctx.queryParam(name);
      if (value != null) {
        if (!value.matches("\\d{1,18}")) {
          throw new RestError(400, name + " must be a whole number of 0 or more, got '" + abbreviate(value) + "'");
        }
        query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(value);
      }
    }
    java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        "http://" + tm.host() + ":" + tm.metricsPort() + "/logs" + query)).timeout(java.time.Duration.ofSeconds(10))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    ctx.status(response.statusCode()).contentType("application/json").result(response.body());
  }

  private ClusterJob job(Context ctx) {
    String id = ctx.pathParam("id");
    return jobs.get(id).orElseThrow(() -> new RestError(404, "No job with id '" + id + "'; GET /jobs lists the jobs"));
  }

  private void submit(Context ctx) throws Exception {
    if (!ctx.isMultipartFormData()) {
      throw new RestError(400, "POST /jobs takes multipart/form-data with the job jar in part 'jar' and optional "
          + "fields entryClass, args (one field per argument), parallelism and savepointPath");
    }
    UploadedFile upload = ctx.uploadedFile("jar");
    if (upload == null) {
      throw new RestError(400, "POST /jobs needs the job jar in multipart part 'jar'");
    }
    int parallelism = 0;
    String p = ctx.formParam("parallelism");
    if (p != null && !p.isBlank()) {
      try {
        parallelism = Integer.parseInt(p.trim());
      } catch (NumberFormatException e) {
        parallelism = -1;
      }
      if (parallelism < 1) {
        throw new RestError(400, "parallelism must be a whole number of at least 1, got '" + p + "'");
      }
    }
    String savepoint = ctx.formParam("savepointPath");
    if (savepoint != null && !savepoint.isBlank()) {
      savepoint = insideSavepointRoot(savepoint, "savepointPath").toString();
    } else {
      savepoint = null;
    }
    Files.createDirectories(uploads);
    Path jar = Files.createTempFile(uploads, "upload-", ".jar");
    try (InputStream in = upload.content()) {
      Files.copy(in, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    String entryClass = ctx.formParam("entryClass");
    try {
      ClusterJob job = jobs.submit(jar, entryClass == null || entryClass.isBlank() ? null : entryClass.trim(),
          ctx.formParams("args"), parallelism, savepoint);
      ctx.status(201).json(summary(job));
    } catch (Jobs.SubmissionException e) {
      throw new RestError(400, e.getMessage());
    } finally {
      Files.deleteIfExists(jar);
    }
  }

  private void stop(Context ctx) throws Exception {
    ClusterJob job = job(ctx);
    JsonNode body = body(ctx);
    Path folder = insideSavepointRoot(text(body, "savepointDirectory"), "savepointDirectory");
    boolean drain = body.path("drain").asBoolean(false);
    ctx.json(Map.of("savepointPath", await(job.stopWithSavepoint(folder, drain)).toString()));
  }

  private void savepoint(Context ctx) throws Exception {
    ClusterJob job = job(ctx);
    Path folder = insideSavepointRoot(text(body(ctx), "directory"), "directory");
    ctx.json(Map.of("savepointPath", await(job.triggerSavepoint(folder)).toString()));
  }

  private void rescale(Context ctx) throws Exception {
    ClusterJob job = job(ctx);
    JsonNode body = body(ctx);
    JsonNode p = body.get("parallelism");
    if (p == null || !p.canConvertToInt() || !p.isIntegralNumber()) {
      throw new RestError(400, "POST /jobs/{id}/rescale takes {\"parallelism\": N} with N a whole number, got "
          + (p == null ? "no parallelism" : p.toString()));
    }
    Path folder = insideSavepointRoot(text(body, "savepointDirectory"), "savepointDirectory");
    ctx.json(Map.of("savepointPath", await(job.rescale(p.asInt(), folder)).toString(), "parallelism", p.asInt()));
  }

  private static Path await(java.util.concurrent.CompletableFuture<Path> future) throws InterruptedException {
    try {
      return future.get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new RestError(409, "The savepoint failed: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new RestError(504, "The savepoint did not complete within " + SAVEPOINT_TIMEOUT_SECONDS + " s; "
          + "GET /jobs/{id}/checkpoints shows the job's checkpoints");
    }
  }

  private static JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (!node.isObject()) {
        throw new RestError(400, ctx.method() + " " + ctx.path() + " takes a JSON object, got: " + abbreviate(text));
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RestError(400, ctx.method() + " " + ctx.path() + " takes a JSON object; the body is not JSON: "
          + e.getOriginalMessage());
    }
  }

  @Nullable
  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new RestError(400, "'" + field + "' must be a string, got " + node);
    }
    return node.asText();
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  /** {@code given} resolved against the savepoint root; a path that leaves the root is refused. */
  private Path insideSavepointRoot(@Nullable String given, String field) {
    if (given == null || given.isBlank()) {
      return savepointRoot;
    }
    Path resolved;
    try {
      resolved = savepointRoot.resolve(given).toAbsolutePath().normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new RestError(400, "'" + field + "' is not a valid path: " + abbreviate(given));
    }
    if (!resolved.startsWith(savepointRoot)) {
      throw new RestError(400, "'" + field + "' must name a folder inside the savepoint folder " + savepointRoot
          + " (savepoints.dir); '" + abbreviate(given) + "' leaves it");
    }
    return resolved;
  }

  private static Map<String, Object> summary(ClusterJob job) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", job.id());
    m.put("name", job.name());
    m.put("status", job.status().name());
    return m;
  }

  private static Map<String, Object> details(ClusterJob job) {
    Map<String, Object> m = summary(job);
    m.put("attempt", job.attemptNumber());
    m.put("slots", job.slotsNeeded());
    Map<String, String> placement = job.placement();
    Map<String, weir.cluster.rpc.SubtaskStats> stats = job.stats();
    List<Map<String, Object>> vertices = new ArrayList<>();
    for (JobVertex v : job.graph().vertices()) {
      List<Map<String, Object>> subtasks = new ArrayList<>();
      // the vertex's operators, their figures summed over the subtasks that reported them
      Map<Integer, Map<String, Object>> operators = new LinkedHashMap<>();
      for (StreamNode n : v.operators()) {
        operators.put(n.id(), operator(n.id(), n.name(), 0, 0, 0.0, 0.0));
      }
      for (int i = 0; i < v.parallelism(); i++) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("subtask", i);
        s.put("taskManager", placement.get(v.id() + "/" + i));
        weir.cluster.rpc.SubtaskStats figures = stats.get(v.id() + "/" + i);
        if (figures != null) {
          s.put("elementsIn", figures.getElementsIn());
          s.put("elementsOut", figures.getElementsOut());
          s.put("backpressure", figures.getBackpressure());
          s.put("busy", figures.getBusy());
          s.put("watermark", figures.getWatermark() == Long.MIN_VALUE ? null : figures.getWatermark());
          List<Map<String, Object>> ops = new ArrayList<>();
          for (weir.cluster.rpc.OperatorStats o : figures.getOperatorsList()) {
            ops.add(operator(o.getNodeId(), o.getName(), o.getRecordsIn(), o.getRecordsOut(),
                o.getRecordsInPerSecond(), o.getRecordsOutPerSecond()));
            operators.computeIfPresent(o.getNodeId(), (id, sum) -> operator(id, o.getName(),
                (long) sum.get("recordsIn") + o.getRecordsIn(), (long) sum.get("recordsOut") + o.getRecordsOut(),
                (double) sum.get("recordsInPerSecond") + o.getRecordsInPerSecond(),
                (double) sum.get("recordsOutPerSecond") + o.getRecordsOutPerSecond()));
          }
          s.put("operators", ops);
        }
        subtasks.add(s);
      }
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("id", v.id());
      vm.put("name", v.name());
      vm.put("parallelism", v.parallelism());
      vm.put("maxParallelism", v.maxParallelism());
      vm.put("operators", List.copyOf(operators.values()));
      vm.put("subtasks", subtasks);
      vertices.add(vm);
    }
    m.put("vertices", vertices);
    m.put("transitions", job.transitions());
    return m;
  }

  /** One operator's records in and out, and their rates per second over the last 2 s. */
  private static Map<String, Object> operator(int id, String name, long in, long out, double inRate, double outRate) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("recordsIn", in);
    m.put("recordsOut", out);
    m.put("recordsInPerSecond", inRate);
    m.put("recordsOutPerSecond", outRate);
    return m;
  }

  private static Map<String, Object> checkpoint(CheckpointStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("durationMillis", s.durationMillis());
    m.put("sizeBytes", s.sizeBytes());
    m.put("maxAlignmentNanos", s.maxAlignmentNanos());
    return m;
  }

  private static Map<String, Object> error(int code, String message) {
    return Map.of("code", code, "message", message);
  }
}
