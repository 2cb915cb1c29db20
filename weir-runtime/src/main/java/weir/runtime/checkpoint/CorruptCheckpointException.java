package weir.runtime.checkpoint;

import java.io.IOException;

/** A checkpoint's files are missing, truncated or do not match their checksums. */
public final class CorruptCheckpointException extends IOException {
  public CorruptCheckpointException(String message) {
    super(message);
  }
}
