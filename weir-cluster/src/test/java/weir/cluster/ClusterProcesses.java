package weir.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import weir.cluster.cli.WeirCli;

/**
 * JobManager and TaskManager processes for tests: real JVMs started with the {@code weir}
 * command on 127.0.0.1, their output in a log folder, killed with SIGKILL at the end. The
 * processes' class path leaves out the test classes, so a job's classes reach them only in the
 * jar a test submits ({@link #jobJar}).
 */
final class ClusterProcesses implements AutoCloseable {
  private static final Pattern PORTS = Pattern.compile("JOBMANAGER rpc=(\\d+) rest=(\\d+)");
  static final ObjectMapper JSON = new ObjectMapper();

  /** A JobManager process and the ports it printed. */
  record JobManagerProcess(Process process, int rpcPort, int restPort) {}

  private final Path logs;
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  ClusterProcesses(Path logs) {
    this.logs = logs;
  }

  Path logs() {
    return logs;
  }

  /** Starts a JobManager with its gRPC server on {@code rpcPort} (0: any free port). */
  JobManagerProcess startJobManager(int rpcPort, String name, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("jobmanager", "-Djobmanager.rpc.port=" + rpcPort, "-Drest.port=0",
        "-Dheartbeat.interval=200ms", "-Dheartbeat.timeout=2s", "-Dprocess.working-dir=" + logs.resolve("work"),
        "-Dsavepoints.dir=" + logs.resolve("savepoints")));
    args.addAll(List.of(options));
    Process p = start(name, args.toArray(new String[0]));
    Path log = logs.resolve(name + ".log");
    Matcher[] found = new Matcher[1];
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      if (!p.isAlive()) {
        throw new AssertionError("The JobManager exited: " + Files.readString(log));
      }
      Matcher m = PORTS.matcher(Files.readString(log));
      if (m.find()) {
        found[0] = m;
        return true;
      }
      return false;
    });
    return new JobManagerProcess(p, Integer.parseInt(found[0].group(1)), Integer.parseInt(found[0].group(2)));
  }

  Process startTaskManager(int rpcPort, String id, int slots, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("taskmanager", "--jobmanager", "127.0.0.1:" + rpcPort, "--id", id,
        "--slots", Integer.toString(slots), "-Dprocess.working-dir=" + logs.resolve("work"),
        "-Dprocess.log-file=" + logs.resolve(id + ".log")));
    args.addAll(List.of(options));
    return start(id, args.toArray(new String[0]));
  }

  private Process start(String name, String... args) throws IOException {
    String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath, WeirCli.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()))
        .start();
    processes.add(p);
    return p;
  }

  /** {@code GET path} of the process serving HTTP on {@code port} of 127.0.0.1. */
  HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code POST path} with a JSON body (none if {@code null}). */
  HttpResponse<String> post(int port, String path, String json, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code POST /jobs}: uploads {@code jar} with the given form fields (args may repeat). */
  HttpResponse<String> submit(int port, Path jar, Map<String, List<String>> fields, String... headers) throws Exception {
    String boundary = "----weir" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      for (String value : field.getValue()) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
            + value + "\r\n");
      }
    }
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jar\"; filename=\"" + jar.getFileName()
        + "\"\r\nContent-Type: application/java-archive\r\n\r\n");
    body.write(Files.readAllBytes(jar));
    write(body, "\r\n--" + boundary + "--\r\n");
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The job's status, from {@code GET /jobs/{id}}. */
  String status(int restPort, String jobId) throws Exception {
    HttpResponse<String> response = get(restPort, "/jobs/" + jobId);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("status").asText();
  }

  /** The TaskManagers by id, from {@code GET /taskmanagers}. */
  Map<String, JsonNode> taskManagers(int restPort) throws Exception {
    HttpResponse<String> response = get(restPort, "/taskmanagers");
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, JsonNode> byId = new java.util.HashMap<>();
    JSON.readTree(response.body()).get("taskmanagers").forEach(tm -> byId.put(tm.get("id").asText(), tm));
    return byId;
  }

  /** Waits until {@code count} TaskManagers are registered. */
  void awaitTaskManagers(int restPort, int count) {
    await().atMost(Duration.ofSeconds(60)).until(() -> taskManagers(restPort).values().stream()
        .filter(tm -> tm.get("status").asText().equals("REGISTERED")).count() == count);
  }

  /**
   * A jar of the job program {@code main} (with its nested classes) from the test classes, its
   * manifest naming it as Main-Class.
   */
  static Path jobJar(Path folder, Class<?> main) throws IOException {
    Path classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().getPath());
    String packagePath = main.getPackageName().replace('.', '/');
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
    Path jar = folder.resolve(main.getSimpleName() + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.list(classes.resolve(packagePath))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".class")).sorted().toList()) {
        out.putNextEntry(new JarEntry(packagePath + "/" + file.getFileName()));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The last lines of every process's log, to explain a failed test. */
  String logTails(int lines) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        List<String> all = Files.readAllLines(log);
        b.append("\n==== ").append(log.getFileName()).append(" ====\n");
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> b.append(l).append('\n'));
      }
    }
    return b.toString();
  }

  /** The threads of every live process, from {@code jcmd Thread.print}, to explain a hang. */
  String threadDumps() throws IOException, InterruptedException {
    StringBuilder b = new StringBuilder();
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    for (Process p : processes) {
      if (p.isAlive() && Files.isExecutable(jcmd)) {
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "Thread.print")
            .redirectErrorStream(true).start();
        b.append("\n==== threads of pid ").append(p.pid()).append(" ====\n")
            .append(new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        dump.waitFor();
      }
    }
    return b.toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : processes) {
      p.destroyForcibly().waitFor();
    }
  }
}
