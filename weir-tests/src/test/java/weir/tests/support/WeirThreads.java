package weir.tests.support;

import java.util.List;

/** What the tests check about the threads the embedded executor starts, all named "weir-...". */
public final class WeirThreads {
  private WeirThreads() {}

  /** The names of the live threads whose name starts with "weir-". */
  public static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("weir-"))
        .sorted()
        .toList();
  }

  /** The names of the live threads of the job named {@code jobName} ("weir-<job>-<n>"). */
  public static List<String> alive(String jobName) {
    String prefix = "weir-" + jobName + "-";
    return alive().stream().filter(name -> name.startsWith(prefix)).toList();
  }
}
