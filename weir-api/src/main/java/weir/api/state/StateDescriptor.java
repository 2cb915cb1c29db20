package weir.api.state;

import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeInfo;

/**
 * Names a piece of keyed state and its value type. The name identifies the state within its
 * operator: it is how a restored checkpoint finds the state again, so keep it stable.
 *
 * <p>Value, list, map, reducing and aggregating state can expire: see {@link
 * #enableTimeToLive(StateTtlConfig)}.
 *
 * @param <T> the stored value type
 * @since 0.1
 */
@Public
public abstract class StateDescriptor<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final TypeInfo<T> type;
  @Nullable private StateTtlConfig ttlConfig;

  protected StateDescriptor(String name, TypeInfo<T> type) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A state descriptor needs a non-empty name");
    }
    this.name = name;
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The state's name, unique within its operator. */
  public String getName() {
    return name;
  }

  /** The type of what the backend stores for each key. */
  public TypeInfo<T> getType() {
    return type;
  }

  /**
   * Makes the state's values expire as {@code ttlConfig} says. Call it before the state is first
   * obtained from a {@link KeyedStateStore}: the runtime reads the configuration then, and a
   * state keeps it for the lifetime of its operator.
   *
   * @throws UnsupportedOperationException if this kind of descriptor has no TTL support (only
   *     value, list, map, reducing and aggregating state descriptors have it)
   * @since 0.1
   */
  public void enableTimeToLive(StateTtlConfig ttlConfig) {
    Objects.requireNonNull(ttlConfig,
        "enableTimeToLive needs a StateTtlConfig; build one with StateTtlConfig.newBuilder");
    if (!supportsTimeToLive()) {
      throw new UnsupportedOperationException(getClass().getName() + " '" + name
          + "' does not support time-to-live; only value, list, map, reducing and aggregating state descriptors do");
    }
    this.ttlConfig = ttlConfig;
  }

  /**
   * The time-to-live configuration, or {@code null} if the state's values never expire.
   *
   * @since 0.1
   */
  @Nullable
  public StateTtlConfig getTtlConfig() {
    return ttlConfig;
  }

  /** Whether the runtime can expire this kind of state; the five keyed state descriptors say yes. */
  boolean supportsTimeToLive() {
    return false;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{name='" + name + "'"
        + (ttlConfig == null ? "" : ", ttl=" + ttlConfig.getTtl()) + "}";
  }
}
