package weir.cluster.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import weir.cluster.config.ClusterConfig;
import weir.cluster.config.ConfigException;
import weir.cluster.jobmanager.JobManager;
import weir.cluster.taskmanager.TaskManager;

/**
 * The {@code weir} command: starts the JobManager and TaskManager processes, and submits and
 * controls jobs ({@link JobCommands}). A configuration error ends the command with exit code 2
 * and a message naming the key at fault; a refused request with exit code 1.
 */
@Command(name = "weir", mixinStandardHelpOptions = true, version = "weir 0.1.0",
    description = "Runs the processes of a Weir cluster and submits and controls its jobs.",
    subcommands = {WeirCli.JobManagerCommand.class, WeirCli.TaskManagerCommand.class, WeirCli.ClusterCommand.class,
        JobCommands.Run.class, JobCommands.ListJobs.class, JobCommands.Cancel.class, JobCommands.Savepoint.class,
        JobCommands.Stop.class})
public final class WeirCli implements Runnable {
  /** Exit code of a configuration error. */
  public static final int CONFIG_ERROR = 2;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The command line, with configuration errors reported as such. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new WeirCli());
    // after the jar, everything is the program's: weir run job.jar --input x passes --input on
    cli.getSubcommands().get("run").setStopAtPositional(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException) {
        commandLine.getErr().println("weir: " + e.getMessage());
        return CONFIG_ERROR;
      }
      if (e instanceof LocalCluster.Problem || e instanceof JobCommands.Refused
          || e instanceof weir.cluster.program.Program.ProgramException) {
        // a process that cannot start, or no cluster to stop: the message says what to do
        commandLine.getErr().println("weir: " + e.getMessage());
        return 1;
      }
      throw e;
    });
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Name a command: jobmanager, taskmanager, cluster, run, list, cancel, savepoint or stop");
  }

  /** The options every process takes: a configuration file and overrides. */
  static final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "a YAML configuration file")
    Path file;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "sets a configuration key, over the file")
    Map<String, String> overrides = new LinkedHashMap<>();

    ClusterConfig load(Map<String, String> more) {
      Map<String, String> all = new LinkedHashMap<>(overrides);
      all.putAll(more);
      return ClusterConfig.load(file, all);
    }

    /** These options as arguments of another {@code weir} command. */
    List<String> asArguments() {
      List<String> args = new ArrayList<>();
      if (file != null) {
        args.add("--config");
        args.add(file.toAbsolutePath().toString());
      }
      overrides.forEach((k, v) -> args.add("-D" + k + "=" + v));
      return args;
    }
  }

  /** {@code weir cluster start|stop}: a JobManager and TaskManagers on this machine. */
  @Command(name = "cluster", mixinStandardHelpOptions = true,
      description = "Starts or stops a cluster on this machine.",
      subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class})
  static final class ClusterCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: start or stop");
    }

    /** {@code weir cluster start}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
        description = "Starts a JobManager and TaskManagers as background processes, their logs in one folder.")
    static final class Start implements Callable<Integer> {
      @Mixin ConfigOptions config;

      @Option(names = "--taskmanagers", paramLabel = "N", defaultValue = "1", description = "TaskManagers to start (default 1)")
      int taskManagers;

      @Option(names = "--dir", paramLabel = "DIR", defaultValue = "log",
          description = "the folder for the processes' logs and ids (default log)")
      Path dir;

      @CommandLine.Spec CommandLine.Model.CommandSpec spec;

      @Override
      public Integer call() throws Exception {
        if (taskManagers < 1 || taskManagers > 64) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "--taskmanagers must be from 1 to 64, got " + taskManagers);
        }
        ClusterConfig cfg = config.load(Map.of());
        String rest = LocalCluster.start(dir, taskManagers, cfg, config.asArguments());
        System.out.println("CLUSTER rest=" + rest + " taskmanagers=" + taskManagers + " logs=" + dir.toAbsolutePath());
        return 0;
      }
    }

    /** {@code weir cluster stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the cluster started from a folder.")
    static final class Stop implements Callable<Integer> {
      @Option(names = "--dir", paramLabel = "DIR", defaultValue = "log",
          description = "the folder the cluster was started with (default log)")
      Path dir;

      @Override
      public Integer call() throws Exception {
        int stopped = LocalCluster.stop(dir);
        System.out.println("CLUSTER stopped " + stopped + " process(es)");
        return 0;
      }
    }
  }

  /** {@code weir jobmanager}. */
  @Command(name = "jobmanager", mixinStandardHelpOptions = true, description = "Runs a JobManager.")
  static final class JobManagerCommand implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
      JobManager jobManager = new JobManager(config.load(Map.of())).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          jobManager.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      // one line on stdout that scripts and tests can read the ports from
      System.out.println("JOBMANAGER rpc=" + jobManager.rpcPort() + " rest=" + jobManager.restPort());
      System.out.flush();
      jobManager.awaitTermination();
      return 0;
    }
  }

  /** {@code weir taskmanager}. */
  @Command(name = "taskmanager", mixinStandardHelpOptions = true, description = "Runs a TaskManager.")
  static final class TaskManagerCommand implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--jobmanager", required = true, paramLabel = "HOST:PORT",
        description = "the JobManager's RPC address")
    String jobManager;

    @Option(names = "--slots", paramLabel = "N", description = "task slots to offer (sets taskmanager.slots)")
    Integer slots;

    @Option(names = "--id", description = "this TaskManager's id (default: a random one)")
    String id;

    @Override
    public Integer call() throws Exception {
      int colon = jobManager.lastIndexOf(':');
      int port = colon < 1 ? -1 : parsePort(jobManager.substring(colon + 1));
      if (port < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--jobmanager must be HOST:PORT with a port from 1 to 65535, such as 127.0.0.1:6123; got '" + jobManager + "'");
      }
      ClusterConfig cfg = config.load(slots == null ? Map.of() : Map.of("taskmanager.slots", slots.toString()));
      TaskManager taskManager = new TaskManager(cfg, jobManager.substring(0, colon), port, id).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          taskManager.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      System.out.println("TASKMANAGER id=" + taskManager.id());
      System.out.flush();
      taskManager.awaitTermination();
      return 0;
    }

    private static int parsePort(String text) {
      try {
        int port = Integer.parseInt(text);
        return port <= 65_535 ? port : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }
}
