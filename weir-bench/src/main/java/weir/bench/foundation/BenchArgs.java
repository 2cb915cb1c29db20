package weir.bench.foundation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a benchmark main: {@code --flag value} pairs from a fixed set of flags, and
 * the usage text, printed to standard error with exit status {@link #USAGE_ERROR} when the
 * arguments are wrong, or to standard output with status 0 on {@code -h} / {@code --help}.
 */
public final class BenchArgs {

  /** Exit status for wrong arguments (BSD's {@code EX_USAGE}). */
  public static final int USAGE_ERROR = 64;

  private final String usage;
  private final Map<String, String> values = new HashMap<>();

  private BenchArgs(String usage) {
    this.usage = usage;
  }

  /** Parses {@code args}, which may hold each of {@code flags} once, each followed by its value. */
  public static BenchArgs parse(String usage, String[] args, String... flags) {
    BenchArgs parsed = new BenchArgs(usage);
    List<String> known = List.of(flags);
    for (int a = 0; a < args.length; a++) {
      String arg = args[a];
      if (arg.equals("-h") || arg.equals("--help")) {
        System.out.println(usage);
        System.exit(0);
      }
      if (!known.contains(arg)) {
        parsed.fail("unknown argument: " + arg);
      }
      if (a + 1 >= args.length) {
        parsed.fail(arg + " needs a value");
      }
      parsed.values.put(arg, args[++a]);
    }
    return parsed;
  }

  /** Whether {@code flag} was given. */
  public boolean has(String flag) {
    return values.containsKey(flag);
  }

  /** The value of {@code flag}; a usage error if it was not given. */
  public String required(String flag) {
    String value = values.get(flag);
    if (value == null) {
      fail(flag + " is required");
    }
    return value;
  }

  /**
   * The value of {@code flag} as a positive number ({@code _} may separate digits), or
   * {@code fallback} if it was not given.
   */
  public long positive(String flag, long fallback) {
    String text = values.get(flag);
    if (text == null) {
      return fallback;
    }
    long n = -1;
    try {
      n = Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      // reported below
    }
    if (n < 1) {
      fail(flag + " must be a positive number, got " + text);
    }
    return n;
  }

  /** Prints {@code error} and the usage text to standard error and exits. */
  public void fail(String error) {
    System.err.println("error: " + error);
    System.err.println(usage);
    System.exit(USAGE_ERROR);
  }
}
