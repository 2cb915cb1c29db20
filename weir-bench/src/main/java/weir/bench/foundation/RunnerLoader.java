package weir.bench.foundation;

import java.util.function.Supplier;

/**
 * Picks an engine's side of a benchmark. The Weir side is found by class name, so that this
 * module builds, and Flink runs, before that side has been written.
 */
public final class RunnerLoader {

  /** Exit status of a benchmark main whose engine is not available (its class is missing). */
  public static final int ENGINE_UNAVAILABLE = 3;

  private RunnerLoader() {}

  /**
   * The runner for {@code engine}: {@code flink} gets {@code flink.get()}, {@code weir} an instance
   * of {@code weirClassName}, which must implement {@code type} and have a public no-argument
   * constructor. If that class is missing or does not implement {@code type}, prints why to
   * standard error and exits the JVM with {@link #ENGINE_UNAVAILABLE}; any other engine name is a
   * usage error.
   */
  public static <T> T select(
      String engine, Supplier<? extends T> flink, String weirClassName, Class<T> type, BenchArgs args)
      throws ReflectiveOperationException {
    switch (engine) {
      case "flink":
        return flink.get();
      case "weir":
        return loadOrExit(engine, weirClassName, type);
      default:
        args.fail("--engine must be flink or weir, got " + engine);
        throw new AssertionError("unreachable");
    }
  }

  private static <T> T loadOrExit(String engine, String className, Class<T> type)
      throws ReflectiveOperationException {
    Class<?> c;
    try {
      c = Class.forName(className);
    } catch (ClassNotFoundException e) {
      System.err.println(
          "engine '" + engine + "' is not available: class " + className
              + " was not found on the classpath. It must implement " + type.getName()
              + " and have a public no-argument constructor.");
      System.exit(ENGINE_UNAVAILABLE);
      throw new AssertionError("unreachable");
    }
    if (!type.isAssignableFrom(c)) {
      System.err.println(
          "engine '" + engine + "': " + className + " does not implement " + type.getName());
      System.exit(ENGINE_UNAVAILABLE);
    }
    return type.cast(c.getDeclaredConstructor().newInstance());
  }
}
