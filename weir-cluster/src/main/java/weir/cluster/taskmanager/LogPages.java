package weir.cluster.taskmanager;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Pages of this process's log file, for {@code GET /logs}: from a byte offset, or the tail. The
 * file is the configured one; a request chooses only the offset and the length.
 */
final class LogPages {
  /** The most bytes one page holds. */
  static final int MAX_LENGTH = 1 << 20;
  static final int DEFAULT_LENGTH = 64 << 10;

  private final String taskManagerId;
  @Nullable private final Path file;

  LogPages(String taskManagerId, @Nullable Path file) {
    this.taskManagerId = taskManagerId;
    this.file = file;
  }

  /**
   * A page: {@code length} bytes from {@code offset}, or the last {@code length} bytes when
   * {@code offset} is {@code null}.
   *
   * @throws IllegalArgumentException for a negative offset or a length out of 1..{@link #MAX_LENGTH}
   * @throws IllegalStateException when this process keeps no log file
   */
  Map<String, Object> page(@Nullable Long offset, int length) throws IOException {
    if (length < 1 || length > MAX_LENGTH) {
      throw new IllegalArgumentException("length must be from 1 to " + MAX_LENGTH + " bytes, got " + length);
    }
    if (offset != null && offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
    }
    if (file == null || !Files.isRegularFile(file)) {
      throw new IllegalStateException("TaskManager " + taskManagerId + " keeps no log file (process.log-file is "
          + (file == null ? "unset" : file + ", which does not exist") + "); its output goes to its standard output");
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long size = in.length();
      long from = offset == null ? Math.max(0, size - length) : Math.min(offset, size);
      byte[] bytes = new byte[(int) Math.min(length, size - from)];
      in.seek(from);
      in.readFully(bytes);
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("taskManager", taskManagerId);
      page.put("size", size);
      page.put("offset", from);
      page.put("length", bytes.length);
      page.put("text", new String(bytes, StandardCharsets.UTF_8));
      return page;
    }
  }
}
