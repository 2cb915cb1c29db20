package weir.api.connector.source.lib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import weir.api.annotation.Public;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.Boundedness;
import weir.api.connector.source.InputStatus;
import weir.api.connector.source.ReaderOutput;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;

/**
 * Reads the lines of UTF-8 text files: one file, or every regular file directly inside a
 * directory (sorted by name). Each file is one split; the split's position is the number of lines
 * already read.
 *
 * @since 0.1
 */
@Public
public final class TextLineSource implements Source<String, TextLineSource.FileSplit, Collection<TextLineSource.FileSplit>> {
  private static final long serialVersionUID = 1L;

  private final String path;

  /** Reads {@code path}: a file, or the files in a directory. */
  public TextLineSource(Path path) {
    this.path = path.toString();
  }

  /**
   * A file and how many of its lines have been read.
   *
   * @param path the file
   * @param linesRead lines already emitted
   */
  public record FileSplit(String path, long linesRead) implements weir.api.connector.source.SourceSplit {
    @Override
    public String splitId() {
      return path;
    }
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<FileSplit, Collection<FileSplit>> createEnumerator(
      SplitEnumeratorContext<FileSplit> context) throws IOException {
    return new StaticSplitEnumerator<>(context, listFiles());
  }

  private List<FileSplit> listFiles() throws IOException {
    Path root = Path.of(path);
    if (!Files.exists(root)) {
      throw new IOException("Text source path '" + root + "' does not exist; pass an existing file or directory");
    }
    List<FileSplit> splits = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.list(root)) {
        files.filter(Files::isRegularFile).sorted().forEach(f -> splits.add(new FileSplit(f.toString(), 0)));
      }
    } else {
      splits.add(new FileSplit(root.toString(), 0));
    }
    return splits;
  }

  @Override
  public SplitEnumerator<FileSplit, Collection<FileSplit>> restoreEnumerator(
      SplitEnumeratorContext<FileSplit> context, Collection<FileSplit> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  @Override
  public SourceReader<String, FileSplit> createReader(SourceReaderContext context) {
    return new Reader(context);
  }

  @Override
  public SimpleVersionedSerializer<FileSplit> getSplitSerializer() {
    return SplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<Collection<FileSplit>> getEnumeratorCheckpointSerializer() {
    return StaticSplitEnumerator.checkpointSerializer(SplitSerializer.INSTANCE);
  }

  /** Version 1: the path (string), then the lines read (long). */
  private static final class SplitSerializer implements SimpleVersionedSerializer<FileSplit> {
    static final SplitSerializer INSTANCE = new SplitSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(FileSplit split) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(64);
      out.writeUTF(split.path());
      out.writeLong(split.linesRead());
      return out.copyOfBuffer();
    }

    @Override
    public FileSplit deserialize(int version, byte[] serialized) throws IOException {
      if (version != VERSION) {
        throw new IOException("Cannot read a text file split of version " + version
            + "; this release reads version " + VERSION);
      }
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      FileSplit split = new FileSplit(in.readUTF(), in.readLong());
      if (in.available() != 0) {
        throw new IOException("Corrupt text file split: " + in.available() + " bytes left after " + split);
      }
      return split;
    }
  }

  /** Reads one file at a time, line by line. */
  private static final class Reader extends SequentialSplitReader<String, FileSplit> {
    private FileSplit split;
    private BufferedReader in;
    private long linesRead;

    Reader(SourceReaderContext context) {
      super(context);
    }

    @Override
    protected void openSplit(FileSplit split) throws IOException {
      this.split = split;
      this.in = Files.newBufferedReader(Path.of(split.path()), StandardCharsets.UTF_8);
      this.linesRead = 0;
      while (linesRead < split.linesRead()) {
        if (in.readLine() == null) {
          throw new IOException("Text file '" + split.path() + "' has " + linesRead
              + " lines, but its split records " + split.linesRead() + " lines read: the file changed");
        }
        linesRead++;
      }
    }

    @Override
    protected InputStatus readBatch(ReaderOutput<String> output) {
      try {
        for (int i = 0; i < BATCH_SIZE; i++) {
          String line = in.readLine();
          if (line == null) {
            return InputStatus.END_OF_INPUT;
          }
          linesRead++;
          output.collect(line);
        }
        return InputStatus.MORE_AVAILABLE;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read line " + (linesRead + 1) + " of '" + split.path() + "'", e);
      }
    }

    @Override
    protected FileSplit currentPosition() {
      return new FileSplit(split.path(), linesRead);
    }

    @Override
    protected void closeSplit() throws IOException {
      in.close();
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }
}
