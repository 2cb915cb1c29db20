package weir.runtime.state;

/** The namespace of state that is not scoped to anything but its key (all state but windows). */
public final class VoidNamespace {
  public static final VoidNamespace INSTANCE = new VoidNamespace();

  private VoidNamespace() {}

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "VoidNamespace";
  }
}
