package weir.api.connector.sink.lib;

import java.io.Serializable;
import java.util.Objects;
import weir.api.annotation.Evolving;

/**
 * The names of a {@link FileSink}'s part files: {@code <partPrefix>-<subtask>-<counter><partSuffix>},
 * such as {@code part-0-17} or, with suffix {@code ".csv"}, {@code part-0-17.csv}.
 *
 * @param partPrefix the start of each name; not empty, no {@code '/'} or {@code '\'}, and not
 *     starting with {@code '.'} (names starting with a dot are the hidden in-progress files)
 * @param partSuffix the end of each name, such as an extension; may be empty, no {@code '/'} or
 *     {@code '\'}
 * @since 0.1
 */
@Evolving
public record OutputFileConfig(String partPrefix, String partSuffix) implements Serializable {
  public OutputFileConfig {
    Objects.requireNonNull(partPrefix, "partPrefix");
    Objects.requireNonNull(partSuffix, "partSuffix");
    if (partPrefix.isEmpty() || partPrefix.startsWith(".") || hasSeparator(partPrefix)) {
      throw new IllegalArgumentException("A part file prefix must be non-empty, must not start with '.' and must not "
          + "contain '/' or '\\', but was '" + partPrefix + "'");
    }
    if (hasSeparator(partSuffix)) {
      throw new IllegalArgumentException("A part file suffix must not contain '/' or '\\', but was '" + partSuffix + "'");
    }
  }

  /** Names {@code part-<subtask>-<counter>}. */
  public static OutputFileConfig defaults() {
    return new OutputFileConfig("part", "");
  }

  /** This configuration with {@code prefix} instead of its prefix. */
  public OutputFileConfig withPartPrefix(String prefix) {
    return new OutputFileConfig(prefix, partSuffix);
  }

  /** This configuration with {@code suffix} instead of its suffix. */
  public OutputFileConfig withPartSuffix(String suffix) {
    return new OutputFileConfig(partPrefix, suffix);
  }

  private static boolean hasSeparator(String s) {
    return s.indexOf('/') >= 0 || s.indexOf('\\') >= 0;
  }
}
