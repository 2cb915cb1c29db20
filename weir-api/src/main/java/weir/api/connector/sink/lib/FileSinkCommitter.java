package weir.api.connector.sink.lib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import weir.api.connector.sink.CommitRequest;
import weir.api.connector.sink.Committer;
import weir.api.connector.sink.lib.FileSink.PendingFile;

/**
 * Commits a {@link FileSink}'s part files by renaming each from its hidden in-progress name to
 * its final name, atomically, then forcing the directory to disk.
 *
 * <p>Idempotent: a part whose in-progress file is gone and whose final file is there was
 * committed before. When neither is there, its data is lost and the request fails the job; when
 * both are, the final name is taken by another file, which is never overwritten.
 */
final class FileSinkCommitter implements Committer<PendingFile> {
  private final Path basePath;

  FileSinkCommitter(Path basePath) {
    this.basePath = basePath;
  }

  @Override
  public void commit(Collection<CommitRequest<PendingFile>> requests) throws IOException {
    Set<Path> renamedIn = new LinkedHashSet<>();
    for (CommitRequest<PendingFile> request : requests) {
      PendingFile part = request.getCommittable();
      Path directory = FileSink.bucketDirectory(basePath, part.bucketId());
      Path inProgress = directory.resolve(part.inProgressName());
      Path target = directory.resolve(part.finalName());
      boolean inProgressExists = Files.exists(inProgress, LinkOption.NOFOLLOW_LINKS);
      boolean targetExists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
      if (inProgressExists && targetExists) {
        request.signalFailedWithKnownReason(new IOException("Cannot commit part file '" + inProgress + "': its final "
            + "name '" + target + "' is taken by another file, which the file sink does not overwrite"));
      } else if (inProgressExists) {
        long size = Files.size(inProgress);
        if (size != part.size()) {
          request.signalFailedWithKnownReason(new IOException("Cannot commit part file '" + inProgress + "': expected "
              + part.size() + " bytes, as written before the checkpoint, but found " + size));
        } else {
          Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
          renamedIn.add(directory);
        }
      } else if (targetExists) {
        request.signalAlreadyCommitted();
      } else {
        request.signalFailedWithKnownReason(new IOException("Cannot commit part file '" + target + "': neither it nor "
            + "its in-progress file '" + inProgress + "' exists, so the data written for it is lost"));
      }
    }
    for (Path directory : renamedIn) {
      DurableFiles.syncDirectory(directory);
    }
  }
}
