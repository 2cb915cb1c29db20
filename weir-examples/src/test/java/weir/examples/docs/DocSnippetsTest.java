package weir.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code in {@code docs/} true: every block marked {@code <!-- snippet: Class#region -->}
 * must be, verbatim up to indentation, the region of that class in this package, which the build
 * compiles and the snippet tests run.
 */
class DocSnippetsTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final Path SOURCES = Path.of("src", "main", "java", "weir", "examples", "docs");
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\w+)#([\\w-]+) -->\\s*```java\\n(.*?)```",
      Pattern.DOTALL);

  @Test
  void when_docs_show_code_then_it_is_the_compiled_snippet() throws IOException {
    List<String> checked = new ArrayList<>();
    try (Stream<Path> docs = Files.list(DOCS)) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
        Matcher m = MARKER.matcher(Files.readString(doc));
        while (m.find()) {
          String region = region(m.group(1), m.group(2));
          assertThat(normalize(m.group(3)))
              .as("snippet %s#%s in %s", m.group(1), m.group(2), doc.getFileName())
              .isEqualTo(normalize(region));
          checked.add(m.group(1) + "#" + m.group(2));
        }
      }
    }
    assertThat(checked).contains("EventTimeSnippets#source-watermarks", "EventTimeSnippets#timers",
        "WindowSnippets#tumbling", "WindowSnippets#sliding", "WindowSnippets#sessions", "WindowSnippets#interval-join",
        "WindowSnippets#window-join", "StateSnippets#ttl", "StateSnippets#ttl-event-time", "StateSnippets#operator-state",
        "StateSnippets#broadcast-job", "StateSnippets#broadcast-state", "ConnectorSnippets#file-sink");
  }

  private static String region(String className, String name) throws IOException {
    String source = Files.readString(SOURCES.resolve(className + ".java"));
    String start = "// [START " + name + "]";
    String end = "// [END " + name + "]";
    int from = source.indexOf(start);
    int to = source.indexOf(end);
    assertThat(from).as("region %s in %s", name, className).isNotNegative();
    return source.substring(source.indexOf('\n', from) + 1, source.lastIndexOf('\n', to) + 1);
  }

  /** Removes the common indentation and trailing blank lines. */
  private static String normalize(String code) {
    List<String> lines = code.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString().strip();
  }
}
