package weir.api.connector.sink.lib;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Makes changes to a directory (files created, renamed, deleted) survive a machine crash. */
final class DurableFiles {
  /** Windows cannot open a directory as a channel; NTFS journals its directory changes itself. */
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private DurableFiles() {}

  /** Forces the entries of {@code directory} to disk. */
  static void syncDirectory(Path directory) throws IOException {
    if (WINDOWS) {
      return;
    }
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
