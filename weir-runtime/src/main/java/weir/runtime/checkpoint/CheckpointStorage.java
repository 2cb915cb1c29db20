package weir.runtime.checkpoint;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one job in a directory: a folder {@code chk-<id>} per checkpoint holding one
 * state file per subtask and, once the checkpoint is complete, its {@code _metadata}. Each folder
 * is self-contained, so deleting an old one never breaks a newer one.
 *
 * <pre>
 * _metadata : bytes "WEIRCHK1", int payloadLength, long crc32c(payload), payload (CheckpointMetadata)
 * </pre>
 *
 * Files are written to a temporary name, forced to disk and renamed, so a crash leaves either
 * nothing or a whole file; the metadata is renamed last. On restore every file is checked
 * against its length and checksum, and a checkpoint that fails is skipped with a log line.
 *
 * <p>Thread-safe: different checkpoints and files are written by different threads.
 */
public final class CheckpointStorage {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStorage.class);
  private static final byte[] MAGIC = "WEIRCHK1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final String METADATA = "_metadata";

  private final Path directory;

  public CheckpointStorage(Path directory) {
    this.directory = directory;
  }

  /** The job's checkpoint directory. */
  public Path directory() {
    return directory;
  }

  /** The folder of checkpoint {@code id}. */
  public Path folderOf(long id) {
    return directory.resolve("chk-" + id);
  }

  /** Writes one subtask's state into checkpoint {@code id}'s folder. */
  public StateHandle writeState(long id, int vertexId, int subtask, byte[] bytes) throws IOException {
    return writeState(id, vertexId, subtask, out -> out.write(bytes));
  }

  /** Writes the bytes of one subtask's state as {@link StateWriter} gives them. */
  @FunctionalInterface
  public interface StateWriter {
    void writeTo(DataOutputStream out) throws IOException;
  }

  /**
   * Like {@link #writeState(long, int, int, byte[])}, but streams the state into its file as
   * {@code writer} produces it, computing the checksum on the way, so that a large state is
   * never held as one array.
   */
  public StateHandle writeState(long id, int vertexId, int subtask, StateWriter writer) throws IOException {
    Path folder = folderOf(id);
    Files.createDirectories(folder);
    String name = "task-" + vertexId + "-" + subtask;
    Path temp = folder.resolve("." + name + ".tmp");
    CRC32C crc = new CRC32C();
    long length;
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      CountingOutputStream counted = new CountingOutputStream(
          new CheckedOutputStream(Channels.newOutputStream(ch), crc));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(counted, 1 << 16));
      writer.writeTo(out);
      out.flush();
      length = counted.count;
      ch.force(true);
    }
    Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(folder);
    return new StateHandle(vertexId, subtask, name, length, crc.getValue());
  }

  /** Counts what passes through; the streams above it write in chunks, so this costs little. */
  private static final class CountingOutputStream extends FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** Completes checkpoint {@code id}: writes its metadata atomically. */
  public void writeMetadata(CheckpointMetadata metadata) throws IOException {
    byte[] payload = metadata.toBytes();
    ByteBuffer file = ByteBuffer.allocate(MAGIC.length + 4 + 8 + payload.length);
    file.put(MAGIC).putInt(payload.length).putLong(crc(payload, 0, payload.length)).put(payload);
    Path folder = folderOf(metadata.id());
    Files.createDirectories(folder);
    writeAtomically(folder, METADATA, file.array());
  }

  /** Reads and checks the metadata of checkpoint {@code id}. */
  public CheckpointMetadata readMetadata(long id) throws IOException {
    return readMetadata(folderOf(id));
  }

  private static CheckpointMetadata readMetadata(Path folder) throws IOException {
    Path file = folder.resolve(METADATA);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CorruptCheckpointException("no metadata file " + file + ": the checkpoint never completed");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (bytes.length < MAGIC.length + 12 || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new CorruptCheckpointException("metadata file " + file + " does not start with the checkpoint header");
    }
    b.position(MAGIC.length);
    int length = b.getInt();
    long crc = b.getLong();
    if (length != bytes.length - MAGIC.length - 12) {
      throw new CorruptCheckpointException("metadata file " + file + " is " + bytes.length + " bytes, expected "
          + (length + MAGIC.length + 12));
    }
    int offset = MAGIC.length + 12;
    if (crc(bytes, offset, length) != crc) {
      throw new CorruptCheckpointException("metadata file " + file + " does not match its checksum");
    }
    return CheckpointMetadata.fromBytes(java.util.Arrays.copyOfRange(bytes, offset, bytes.length));
  }

  /** Reads and checks one subtask's state of checkpoint {@code id}. */
  public byte[] readState(long id, StateHandle handle) throws IOException {
    return readState(folderOf(id), handle);
  }

  private static byte[] readState(Path folder, StateHandle handle) throws IOException {
    Path file = folder.resolve(handle.fileName());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CorruptCheckpointException("state file " + file + " is missing");
    }
    if (bytes.length != handle.length()) {
      throw new CorruptCheckpointException("state file " + file + " is " + bytes.length + " bytes, expected "
          + handle.length());
    }
    if (crc(bytes, 0, bytes.length) != handle.crc32c()) {
      throw new CorruptCheckpointException("state file " + file + " does not match its checksum");
    }
    return bytes;
  }

  /** The ids of the checkpoints with a metadata file, newest first. */
  public List<Long> completedIds() throws IOException {
    List<Long> ids = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return ids;
    }
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory, "chk-*")) {
      for (Path folder : folders) {
        if (Files.exists(folder.resolve(METADATA))) {
          try {
            ids.add(Long.parseLong(folder.getFileName().toString().substring(4)));
          } catch (NumberFormatException e) {
            // not one of ours
          }
        }
      }
    }
    ids.sort(Comparator.reverseOrder());
    return ids;
  }

  /** A checkpoint read whole and checked: its metadata and every subtask's state. */
  public record Loaded(CheckpointMetadata metadata, java.util.Map<StateHandle, byte[]> states) {}

  /**
   * The newest checkpoint whose files are all intact; corrupt or partial ones are skipped with a
   * warning naming what is wrong.
   */
  public Optional<Loaded> loadLatest() throws IOException {
    for (long id : completedIds()) {
      Optional<Loaded> loaded = load(id);
      if (loaded.isPresent()) {
        return loaded;
      }
    }
    return Optional.empty();
  }

  /** Checkpoint {@code id} read whole and checked, or empty (with a warning) when it is damaged. */
  public Optional<Loaded> load(long id) throws IOException {
    try {
      return Optional.of(loadFolder(folderOf(id)));
    } catch (CorruptCheckpointException e) {
      LOG.warn("Skipping checkpoint {} in {}: {}", id, directory, e.getMessage());
      return Optional.empty();
    }
  }

  /** The checkpoint or savepoint in {@code folder}, read whole and checked. */
  public static Loaded loadFolder(Path folder) throws IOException {
    CheckpointMetadata metadata = readMetadata(folder);
    java.util.Map<StateHandle, byte[]> states = new java.util.LinkedHashMap<>();
    for (StateHandle h : metadata.handles()) {
      states.put(h, readState(folder, h));
    }
    return new Loaded(metadata, states);
  }

  /**
   * Copies checkpoint {@code id} into the new folder {@code target} (a savepoint): the state
   * files first, the metadata last, each written atomically.
   */
  public void copyTo(long id, Path target) throws IOException {
    Files.createDirectories(target);
    Path source = folderOf(id);
    CheckpointMetadata metadata = readMetadata(id);
    for (StateHandle h : metadata.handles()) {
      writeAtomically(target, h.fileName(), Files.readAllBytes(source.resolve(h.fileName())));
    }
    writeAtomically(target, METADATA, Files.readAllBytes(source.resolve(METADATA)));
  }

  /**
   * Deletes checkpoint {@code id}'s folder; a failure is logged, never thrown. A subtask's state
   * may still be being written into the folder of an aborted checkpoint (a temporary file renamed
   * while the folder is listed), so entries that vanish meanwhile are skipped: {@code Files.walk}
   * would report them as an {@code UncheckedIOException}, which escaped the abort and left the
   * job's end or restart unfinished.
   */
  public void discard(long id) {
    Path folder = folderOf(id);
    if (!Files.exists(folder)) {
      return;
    }
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          if (e != null && !(e instanceof NoSuchFileException)) {
            throw e;
          }
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (NoSuchFileException e) {
      // the folder itself vanished meanwhile: nothing left to delete
    } catch (IOException e) {
      LOG.warn("Could not delete checkpoint folder {}: {}", folder, e.toString());
    }
  }

  private static void writeAtomically(Path folder, String name, byte[] bytes) throws IOException {
    Path temp = folder.resolve("." + name + ".tmp");
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(folder);
  }

  private static void forceDirectory(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the rename itself is still atomic
    }
  }

  private static long crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }
}
