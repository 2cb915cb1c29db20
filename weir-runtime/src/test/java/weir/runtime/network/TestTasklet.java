package weir.runtime.network;

import weir.runtime.task.Tasklet;

/** A cooperative tasklet of a test, with nothing to open or close. */
abstract class TestTasklet implements Tasklet {
  @Override
  public String name() {
    return getClass().getSimpleName();
  }

  @Override
  public boolean isBlocking() {
    return false;
  }

  @Override
  public void init() {
  }

  @Override
  public void close() {
  }
}
