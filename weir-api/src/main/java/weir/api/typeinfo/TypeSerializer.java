package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.io.Serializable;
import javax.annotation.Nullable;

/**
 * Turns values of one type into bytes and back, and copies them: the per-record half of Weir's
 * type system. The versioned, persisted half is {@link TypeSerializerSnapshot}, obtained from
 * {@link #snapshotConfiguration()}; keeping them apart means the hot path never carries
 * compatibility logic and the snapshot format can evolve on its own.
 *
 * <h3>Contract</h3>
 * <ul>
 *   <li>{@link #deserialize} reads exactly the bytes {@link #serialize} wrote for the value, and
 *       returns a value equal to it.</li>
 *   <li>{@link #serialize} does not accept null unless the class documents it; containers
 *       (records, POJOs, collections) write a null marker and call the element serializer only for
 *       non-null values, see {@link #serializeNullable}.</li>
 *   <li>{@link #copy} returns a deep copy sharing no mutable state with its argument; for an
 *       immutable type ({@link #isImmutableType()}) it may return the argument itself.</li>
 *   <li>Serializers implement {@code equals}/{@code hashCode} structurally: two serializers are
 *       equal when they write the same bytes for the same values. The default compatibility
 *       check ({@link SimpleSerializerSnapshot}) relies on it.</li>
 *   <li>Serializers are {@link Serializable}: they ship inside the job graph.</li>
 * </ul>
 *
 * <h3>Threading</h3>
 * A serializer instance is used by one thread at a time. Stateless serializers are shared
 * freely; a serializer that keeps per-instance state (caches, scratch buffers, a Kryo instance)
 * overrides {@link #duplicate()} to return an independent instance, and composite serializers
 * duplicate their children. The runtime calls {@code duplicate()} (or
 * {@link TypeInfo#createSerializer}) once per subtask, never per record.
 *
 * <h3>Failure cases</h3>
 * I/O problems and malformed input surface as {@link IOException}; a value the serializer cannot
 * handle (a null where none is allowed) fails with a {@link RuntimeException} naming the type.
 *
 * @param <T> the type of the values
 * @since 0.1
 */
@Evolving
public abstract class TypeSerializer<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Writes {@code value} (non-null unless documented otherwise) to {@code out}. */
  public abstract void serialize(T value, DataOutputView out) throws IOException;

  /** Reads one value written by {@link #serialize}. */
  public abstract T deserialize(DataInputView in) throws IOException;

  /** A deep copy of {@code value}, or {@code value} itself when the type is immutable. */
  public abstract T copy(T value);

  /** True when values cannot change after construction, so {@link #copy} may return its argument. */
  public abstract boolean isImmutableType();

  /** The persisted description of this serializer, used to restore it and to check compatibility. */
  public abstract TypeSerializerSnapshot<T> snapshotConfiguration();

  /**
   * An instance safe to use from another thread: {@code this} for stateless serializers (the
   * default), a fresh instance for serializers with per-instance state.
   */
  public TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public abstract boolean equals(Object o);

  @Override
  public abstract int hashCode();

  /** Writes a one-byte null marker, then the value if it is non-null. */
  public final void serializeNullable(@Nullable T value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeBoolean(false);
    } else {
      out.writeBoolean(true);
      serialize(value, out);
    }
  }

  /** Reads a value written by {@link #serializeNullable}. */
  @Nullable
  public final T deserializeNullable(DataInputView in) throws IOException {
    return in.readBoolean() ? deserialize(in) : null;
  }

  /** {@link #copy} that passes null through. */
  @Nullable
  public final T copyNullable(@Nullable T value) {
    return value == null ? null : copy(value);
  }
}
