package weir.cluster.program;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import javax.annotation.Nullable;
import weir.api.checkpoint.SavepointRestoreSettings;
import weir.api.environment.CloseableIterator;
import weir.api.environment.ExecutionConfig;
import weir.api.environment.ExecutorContext;
import weir.api.environment.JobClient;
import weir.api.environment.PipelineExecutor;
import weir.api.graph.Pipeline;
import weir.runtime.graph.JobGraph;
import weir.runtime.graph.JobGraphBuilder;

/**
 * A user program in a jar: its entry class's {@code main} builds the job. {@link #jobGraph} runs
 * {@code main} in the job's own class loader with an executor that captures the first job the
 * program executes instead of running it, then stops the program, as a cluster does to obtain
 * the JobGraph of a submitted jar.
 *
 * @param jar the job's jar
 * @param entryClass the class whose {@code main} to run; {@code null}: the jar manifest's {@code Main-Class}
 * @param args the program's arguments
 * @param parallelism the default parallelism of the job's operators, or 0 to keep the program's
 * @param savepointPath the savepoint to start from, or {@code null}
 */
public record Program(Path jar, @Nullable String entryClass, List<String> args, int parallelism,
    @Nullable String savepointPath) {

  /** What went wrong with a program: its message names the jar, the class and what to do. */
  public static final class ProgramException extends Exception {
    public ProgramException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  // thrown through the program's main once its job is captured; never seen by anyone else
  private static final class Captured extends RuntimeException {
    Captured() {
      super(null, null, false, false);
    }
  }

  /** Runs {@code main} in {@code loader} and returns the job it executes, under {@code jobId}. */
  public JobGraph jobGraph(ClassLoader loader, String jobId) throws ProgramException {
    Method main = mainMethod(loader);
    JobGraph[] captured = new JobGraph[1];
    PipelineExecutor capture = new PipelineExecutor() {
      @Override
      public String name() {
        return "capture";
      }

      @Override
      public JobClient execute(Pipeline pipeline) {
        captured[0] = JobGraphBuilder.build(pipeline);
        throw new Captured();
      }

      @Override
      public <T> CloseableIterator<T> executeAndCollect(Pipeline pipeline, String collectId) {
        throw new UnsupportedOperationException("Job '" + pipeline.jobName() + "' collects its results to the client "
            + "(executeAndCollect), which a job submitted to a cluster cannot do: write them to a sink instead");
      }
    };
    try {
      invokeMain(main, loader, new ExecutorContext(capture, this::applyDefaults));
    } catch (ProgramException e) {
      if (captured[0] == null) {
        throw e;
      }
    }
    if (captured[0] == null) {
      throw new ProgramException("The main method of " + main.getDeclaringClass().getName() + " in " + jar.getFileName()
          + " returned without executing a job: call env.execute(...) at its end", null);
    }
    JobGraph g = captured[0];
    return new JobGraph(jobId, g.jobName(), g.vertices(), g.edges(), g.config());
  }

  /**
   * Runs {@code main} in {@code loader} on the embedded engine in this process, with this
   * program's parallelism and savepoint as the defaults of its environments; returns when {@code
   * main} does.
   */
  public void runEmbedded(ClassLoader loader) throws ProgramException {
    invokeMain(mainMethod(loader), loader,
        new ExecutorContext(new weir.runtime.executor.EmbeddedExecutor(), this::applyDefaults));
  }

  /** Runs {@code main} in {@code context} with {@code loader} as the context class loader. */
  private void invokeMain(Method main, ClassLoader loader, ExecutorContext context) throws ProgramException {
    try {
      UserCodeClassLoader.callWith(loader, () -> context.call(() -> main.invoke(null,
          (Object) args.toArray(new String[0]))));
    } catch (InvocationTargetException e) {
      throw new ProgramException("The main method of " + main.getDeclaringClass().getName() + " in " + jar.getFileName()
          + " failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new ProgramException("Cannot run the main method of " + main.getDeclaringClass().getName() + " in "
          + jar.getFileName() + ": " + e, e);
    }
  }

  private void applyDefaults(ExecutionConfig config) {
    if (parallelism > 0) {
      config.setParallelism(parallelism);
    }
    if (savepointPath != null) {
      config.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(Path.of(savepointPath), false));
    }
  }

  private Method mainMethod(ClassLoader loader) throws ProgramException {
    String name = entryClass;
    if (name == null || name.isBlank()) {
      try (JarFile jarFile = new JarFile(jar.toFile())) {
        name = jarFile.getManifest() == null ? null : jarFile.getManifest().getMainAttributes().getValue("Main-Class");
      } catch (IOException e) {
        throw new ProgramException("Cannot read the job jar " + jar.getFileName() + ": " + e.getMessage()
            + " (give a jar file built with the job's classes)", e);
      }
      if (name == null) {
        throw new ProgramException("The job jar " + jar.getFileName() + " names no Main-Class in its manifest: give the "
            + "entry class explicitly", null);
      }
    }
    try {
      Method main = Class.forName(name, true, loader).getMethod("main", String[].class);
      if (!Modifier.isStatic(main.getModifiers())) {
        throw new ProgramException("main of " + name + " is not static", null);
      }
      return main;
    } catch (ClassNotFoundException e) {
      throw new ProgramException("The job jar " + jar.getFileName() + " has no class " + name
          + ": check the entry class's name and package", e);
    } catch (NoSuchMethodException e) {
      throw new ProgramException("Class " + name + " in " + jar.getFileName()
          + " has no method public static void main(String[])", e);
    }
  }
}
