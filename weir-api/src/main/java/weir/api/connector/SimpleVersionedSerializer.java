package weir.api.connector;

import java.io.IOException;
import weir.api.annotation.Public;

/**
 * Turns what a connector keeps in a checkpoint (source splits, an enumerator's state, a sink's
 * committables or writer state) into bytes and back.
 *
 * <h3>Versions</h3>
 * The runtime stores {@link #getVersion()} next to every byte array it gets from
 * {@link #serialize}, and on restore passes that stored version back to {@link #deserialize}.
 * A later release of a connector that changes its format raises the version and keeps reading
 * the older ones, so a job restores from checkpoints and savepoints taken before the upgrade.
 * A version that the serializer cannot read is an {@link IOException} that names the version
 * found and the versions understood; it is never guessed at.
 *
 * <h3>Threading</h3>
 * The runtime may call one instance from several threads at once (a subtask's thread and a
 * checkpoint upload, say), so implementations keep no mutable state between calls.
 *
 * @param <T> the type of the values
 * @since 0.1
 */
@Public
public interface SimpleVersionedSerializer<T> {
  /** The version of the format {@link #serialize} writes now. */
  int getVersion();

  /** The bytes of {@code value}, in the format of {@link #getVersion()}. */
  byte[] serialize(T value) throws IOException;

  /**
   * Reads a value from bytes that {@link #serialize} wrote when {@link #getVersion()} returned
   * {@code version}.
   *
   * @throws IOException when the version is not one this serializer reads, or the bytes are not
   *     a value of that version
   */
  T deserialize(int version, byte[] serialized) throws IOException;
}
