package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Convenience base class for rich functions that keeps the runtime context for later use
 * through {@link #getRuntimeContext()}. Subclasses that override {@link #open} must call
 * {@code super.open(context)}.
 *
 * @since 0.1
 */
@Public
public abstract class AbstractRichFunction implements RichFunction {
  private static final long serialVersionUID = 1L;

  private transient RuntimeContext runtimeContext;

  @Override
  public void open(RuntimeContext context) throws Exception {
    this.runtimeContext = context;
  }

  /** The context passed to {@link #open}. */
  public RuntimeContext getRuntimeContext() {
    if (runtimeContext == null) {
      throw new IllegalStateException(
          "The runtime context is only available after open(); if you override open(), call super.open(context) first;"
              + " in CheckpointedFunction.initializeState, which runs before open(), use context.getRuntimeContext()");
    }
    return runtimeContext;
  }
}
