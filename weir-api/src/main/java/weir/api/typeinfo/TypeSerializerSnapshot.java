package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.Serializable;

/**
 * The persisted, versioned description of a {@link TypeSerializer}: written into checkpoints and
 * savepoints next to the state it describes, and consulted when a job restores with possibly
 * changed types.
 *
 * <h3>Lifecycle</h3>
 * <ol>
 *   <li>On checkpoint, the runtime stores {@link TypeSerializer#snapshotConfiguration()} and its
 *       {@link #version()}.</li>
 *   <li>On restore, it asks {@link #resolveCompatibility} whether the serializer of the new job
 *       can read the old bytes. If not, restoring that state fails with a message naming the
 *       state and the type. {@link #restoreSerializer()} gives a serializer that reads the old
 *       bytes, for migration.</li>
 * </ol>
 *
 * <h3>Threading</h3>
 * Snapshots are immutable values and may be shared between threads.
 *
 * @param <T> the type the described serializer handles
 * @since 0.1
 */
@Evolving
public interface TypeSerializerSnapshot<T> extends Serializable {

  /** Version of this snapshot's own layout; bumped whenever the snapshot class changes shape. */
  int version();

  /** A serializer that reads bytes written by the serializer this snapshot was taken from. */
  TypeSerializer<T> restoreSerializer();

  /** Whether {@code newSerializer} reads bytes written by the serializer this snapshot describes. */
  Compatibility resolveCompatibility(TypeSerializer<T> newSerializer);
}
