package weir.testing.faults;

/** The failure a {@link FailureInjector} throws; a job restarts from its latest checkpoint after it. */
public final class InjectedFailure extends RuntimeException {
  public InjectedFailure(String message) {
    super(message);
  }
}
