package weir.cluster.taskmanager;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import weir.cluster.program.UserCodeClassLoader;

/**
 * The jars of the jobs running on this TaskManager, fetched from the JobManager once per job into
 * a folder of this process, each with its job's class loader. A job's jar is deleted once no
 * attempt of it runs here ({@link #release}).
 */
final class JobJars implements AutoCloseable {
  private final Path folder;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, UserCodeClassLoader> loaders = new ConcurrentHashMap<>();

  JobJars(Path folder) {
    this.folder = folder;
  }

  /** The class loader of job {@code jobId}, fetching its jar from {@code url} first if needed. */
  ClassLoader classLoader(String jobId, String url) throws IOException, InterruptedException {
    if (url.isEmpty()) {
      return JobJars.class.getClassLoader(); // the job's classes are on this process's class path
    }
    UserCodeClassLoader loader = loaders.get(jobId);
    if (loader != null) {
      return loader;
    }
    Files.createDirectories(folder);
    // the id came from the JobManager; it names a file here only through this check
    if (!jobId.matches("[0-9a-zA-Z-]{1,64}")) {
      throw new IOException("Refusing job id '" + jobId + "': not a job id");
    }
    Path jar = folder.resolve(jobId + ".jar");
    Path part = folder.resolve(jobId + ".jar.part");
    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("Fetching the jar of job " + jobId + " from " + url + " answered HTTP "
            + response.statusCode() + ": " + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
      Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    UserCodeClassLoader created = new UserCodeClassLoader(jar, JobJars.class.getClassLoader());
    UserCodeClassLoader raced = loaders.putIfAbsent(jobId, created);
    if (raced != null) {
      created.close();
      return raced;
    }
    return created;
  }

  /** Closes job {@code jobId}'s class loader and deletes its jar. */
  void release(String jobId) {
    UserCodeClassLoader loader = loaders.remove(jobId);
    if (loader != null) {
      try {
        loader.close();
        Files.deleteIfExists(folder.resolve(jobId + ".jar"));
      } catch (IOException e) {
        org.slf4j.LoggerFactory.getLogger(JobJars.class).warn("Cannot delete the jar of job {}", jobId, e);
      }
    }
  }

  @Override
  public void close() {
    for (String jobId : loaders.keySet()) {
      release(jobId);
    }
  }
}
