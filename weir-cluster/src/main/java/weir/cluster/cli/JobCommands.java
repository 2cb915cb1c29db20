package weir.cluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import weir.cluster.program.Program;
import weir.cluster.program.UserCodeClassLoader;

/**
 * The {@code weir} commands that submit and control jobs: {@code run} (on a cluster through its
 * REST API, or embedded in this process), {@code list}, {@code cancel}, {@code savepoint} and
 * {@code stop}. A refused request ends the command with exit code 1 and the JobManager's message.
 */
final class JobCommands {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JobCommands() {}

  /** A request the JobManager refused, or a JobManager that cannot be reached. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** Where the JobManager's REST API is, and the token for calls that change jobs. */
  static final class Target {
    @Option(names = "--jobmanager", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8081",
        description = "the JobManager's REST address (default 127.0.0.1:8081)")
    String address;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:WEIR_TOKEN}",
        description = "the bearer token for calls that change jobs (default: $WEIR_TOKEN)")
    String token;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    JsonNode send(String method, String path, HttpRequest.BodyPublisher body, String contentType) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + address + path))
          .method(method, body).timeout(Duration.ofMinutes(3)).header("Content-Type", contentType);
      if (token != null && !token.isBlank()) {
        b.header("Authorization", "Bearer " + token.trim());
      }
      HttpResponse<String> response;
      try {
        response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (ConnectException e) {
        throw new Refused("No JobManager answers at " + address + ": start one (weir cluster start) or give its REST "
            + "address with --jobmanager HOST:PORT");
      }
      JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
      if (response.statusCode() >= 300) {
        throw new Refused("The JobManager at " + address + " refused " + method + " " + path + " (HTTP "
            + response.statusCode() + "): " + json.path("message").asText(response.body()));
      }
      return json;
    }

    JsonNode get(String path) throws Exception {
      return send("GET", path, HttpRequest.BodyPublishers.noBody(), "application/json");
    }

    JsonNode post(String path, Map<String, Object> body) throws Exception {
      return send("POST", path, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
    }
  }

  /** {@code weir run}. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Runs a job jar: submits it to a cluster, or runs it embedded in this process.")
  static final class Run implements Callable<Integer> {
    @Mixin Target target;

    @Option(names = "--target", paramLabel = "embedded|HOST:PORT",
        description = "where to run: embedded, or a JobManager's REST address (default: --jobmanager)")
    String where;

    @Option(names = {"-c", "--entry-class"}, paramLabel = "CLASS",
        description = "the class whose main builds the job (default: the jar's Main-Class)")
    String entryClass;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N", description = "the job's default parallelism")
    Integer parallelism;

    @Option(names = {"-s", "--from-savepoint"}, paramLabel = "PATH", description = "the savepoint to start from")
    String savepoint;

    @Parameters(index = "0", paramLabel = "JAR", description = "the job jar")
    Path jar;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the program's arguments")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(jar)) {
        throw new Refused("No job jar at " + jar.toAbsolutePath() + ": give the path of a jar with the job's classes");
      }
      if ("embedded".equals(where)) {
        return runEmbedded();
      }
      if (where != null) {
        target.address = where;
      }
      String boundary = "----weir" + UUID.randomUUID();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      Map<String, List<String>> fields = new LinkedHashMap<>();
      fields.put("args", args);
      if (entryClass != null) {
        fields.put("entryClass", List.of(entryClass));
      }
      if (parallelism != null) {
        fields.put("parallelism", List.of(parallelism.toString()));
      }
      if (savepoint != null) {
        fields.put("savepointPath", List.of(savepoint));
      }
      for (Map.Entry<String, List<String>> f : fields.entrySet()) {
        for (String value : f.getValue()) {
          write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + value
              + "\r\n");
        }
      }
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jar\"; filename=\"" + jar.getFileName()
          + "\"\r\nContent-Type: application/java-archive\r\n\r\n");
      body.write(Files.readAllBytes(jar));
      write(body, "\r\n--" + boundary + "--\r\n");
      JsonNode job = target.send("POST", "/jobs", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
          "multipart/form-data; boundary=" + boundary);
      System.out.println("Job '" + job.path("name").asText() + "' submitted: " + job.path("id").asText());
      return 0;
    }

    /** Runs the program's main here, in the jar's own class loader, on the embedded engine. */
    private int runEmbedded() throws Exception {
      try (UserCodeClassLoader loader = new UserCodeClassLoader(jar.toAbsolutePath(), Run.class.getClassLoader())) {
        Program program = new Program(jar, entryClass, args, parallelism == null ? 0 : parallelism, savepoint);
        program.runEmbedded(loader);
      }
      return 0;
    }

    private static void write(ByteArrayOutputStream out, String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** {@code weir list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the jobs of a cluster.")
  static final class ListJobs implements Callable<Integer> {
    @Mixin Target target;

    @Override
    public Integer call() throws Exception {
      JsonNode jobs = target.get("/jobs").path("jobs");
      if (jobs.isEmpty()) {
        System.out.println("No jobs.");
      }
      for (JsonNode job : jobs) {
        System.out.printf("%s  %-10s %s%n", job.path("id").asText(), job.path("status").asText(),
            job.path("name").asText());
      }
      return 0;
    }
  }

  /** {@code weir cancel}. */
  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a job.")
  static final class Cancel implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "JOB_ID") String jobId;

    @Override
    public Integer call() throws Exception {
      JsonNode job = target.post("/jobs/" + jobId + "/cancel", Map.of());
      System.out.println("Job " + jobId + " is " + job.path("status").asText());
      return 0;
    }
  }

  /** {@code weir savepoint}. */
  @Command(name = "savepoint", mixinStandardHelpOptions = true, description = "Takes a savepoint of a running job.")
  static final class Savepoint implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "JOB_ID") String jobId;

    @Option(names = "--directory", paramLabel = "DIR",
        description = "the folder inside the cluster's savepoints.dir to write it under (default: savepoints.dir)")
    String directory;

    @Override
    public Integer call() throws Exception {
      Map<String, Object> body = new LinkedHashMap<>();
      if (directory != null) {
        body.put("directory", directory);
      }
      System.out.println("Savepoint written to " + target.post("/jobs/" + jobId + "/savepoints", body)
          .path("savepointPath").asText());
      return 0;
    }
  }

  /** {@code weir stop}. */
  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops a job with a savepoint.")
  static final class Stop implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "JOB_ID") String jobId;

    @Option(names = "--savepoint", required = true, description = "take a savepoint, then stop (required)")
    boolean savepoint;

    @Option(names = "--directory", paramLabel = "DIR",
        description = "the folder inside the cluster's savepoints.dir to write it under (default: savepoints.dir)")
    String directory;

    @Option(names = "--drain", description = "end the sources' input first, firing every timer and window")
    boolean drain;

    @Override
    public Integer call() throws Exception {
      Map<String, Object> body = new LinkedHashMap<>();
      if (directory != null) {
        body.put("savepointDirectory", directory);
      }
      body.put("drain", drain);
      System.out.println("Job " + jobId + " stopped; savepoint at " + target.post("/jobs/" + jobId + "/stop", body)
          .path("savepointPath").asText());
      return 0;
    }
  }
}
