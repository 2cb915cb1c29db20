package weir.examples;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of an example's command line, checked against the names the
 * example knows so that a typo fails with a usage message instead of being ignored.
 *
 * <pre>{@code
 * var args = ExampleArgs.parse(argv, "Usage: ...", "input", "parallelism");
 * int parallelism = args.getInt("parallelism", 1);
 * }</pre>
 */
final class ExampleArgs {
  private final Map<String, String> values;
  private final String usage;

  private ExampleArgs(Map<String, String> values, String usage) {
    this.values = values;
    this.usage = usage;
  }

  /**
   * Parses {@code args} as pairs of {@code --name value}.
   *
   * @param usage the message an {@link IllegalArgumentException} carries for a malformed line
   * @param names the option names the example accepts, without the leading dashes
   */
  static ExampleArgs parse(String[] args, String usage, String... names) {
    Set<String> known = Set.of(names);
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (name == null || !known.contains(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException("Cannot parse '" + args[i] + "'. " + usage);
      }
      values.put(name, args[i + 1]);
    }
    return new ExampleArgs(values, usage);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Path getPath(String name) {
    return Path.of(values.get(name));
  }

  int getInt(String name, int defaultValue) {
    return (int) getLong(name, defaultValue);
  }

  long getLong(String name, long defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " needs a number, not '" + value + "'. " + usage, e);
    }
  }
}
