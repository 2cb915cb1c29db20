package weir.api.connector.sink.lib;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file names of one subtask's part files in a {@link FileSink} bucket:
 * <pre>
 *   final:        &lt;prefix&gt;-&lt;subtask&gt;-&lt;counter&gt;&lt;suffix&gt;
 *   in progress: .&lt;prefix&gt;-&lt;subtask&gt;-&lt;counter&gt;&lt;suffix&gt;.inprogress.&lt;uuid&gt;
 * </pre>
 * The subtask index keeps the names of parallel writers apart; the counter grows per bucket and
 * is never reused, since a writer starts past every counter already in its bucket's directory.
 */
final class PartFileNames {
  private static final String IN_PROGRESS = ".inprogress.";

  private final String prefix;
  private final String suffix;
  private final Pattern finalName;
  private final Pattern inProgressName;

  PartFileNames(OutputFileConfig config, int subtaskIndex) {
    this.prefix = config.partPrefix() + "-" + subtaskIndex + "-";
    this.suffix = config.partSuffix();
    String counter = "(\\d{1,18})";
    this.finalName = Pattern.compile(Pattern.quote(prefix) + counter + Pattern.quote(suffix));
    this.inProgressName = Pattern.compile(
        "\\." + Pattern.quote(prefix) + counter + Pattern.quote(suffix + IN_PROGRESS) + ".+");
  }

  /** The final name of part {@code counter}. */
  String finalName(long counter) {
    return prefix + counter + suffix;
  }

  /** The hidden name of part {@code counter} while it is written and until it is committed. */
  String inProgressName(long counter, String uniqueId) {
    return "." + prefix + counter + suffix + IN_PROGRESS + uniqueId;
  }

  /** The counter of {@code file} when it is one of these parts, final or in progress; -1 otherwise. */
  long counterOf(Path file) {
    String name = file.getFileName().toString();
    Matcher m = finalName.matcher(name);
    if (m.matches()) {
      return Long.parseLong(m.group(1));
    }
    return inProgressCounterOf(file);
  }

  /** The counter of {@code file} when it is one of these parts in progress; -1 otherwise. */
  long inProgressCounterOf(Path file) {
    Matcher m = inProgressName.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }
}
