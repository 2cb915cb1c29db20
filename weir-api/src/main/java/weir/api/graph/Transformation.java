package weir.api.graph;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import weir.api.annotation.Internal;
import weir.api.typeinfo.TypeInfo;

/**
 * One node of the logical plan that DataStream calls build: what to do, on which inputs, with
 * which parallelism and output type. The runtime turns the transformations reachable from the
 * sinks into a stream graph and then a job graph. Partition, union and side-output
 * transformations are virtual: they shape edges and create no operator.
 *
 * <p>Mutable only while the job is being defined (name, uid, parallelism); single-threaded.
 *
 * @param <T> the type of the records this transformation emits
 */
@Internal
public abstract class Transformation<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Parallelism not set on this transformation: the environment's default applies. */
  public static final int DEFAULT_PARALLELISM = -1;

  private final int id;
  private String name;
  @Nullable private String uid;
  private int parallelism = DEFAULT_PARALLELISM;
  private TypeInfo<T> outputType;
  private boolean blocking;

  protected Transformation(int id, String name, TypeInfo<T> outputType) {
    this.id = id;
    this.name = Objects.requireNonNull(name, "name");
    this.outputType = Objects.requireNonNull(outputType, "outputType");
  }

  /** The inputs of this transformation, in input order. */
  public abstract List<Transformation<?>> getInputs();

  public int getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The stable id that matches this operator's state across job versions, if set. */
  @Nullable
  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = Objects.requireNonNull(uid, "uid");
  }

  public int getParallelism() {
    return parallelism;
  }

  public void setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException(
          "Parallelism of '" + name + "' must be at least 1, but was " + parallelism);
    }
    this.parallelism = parallelism;
  }

  public TypeInfo<T> getOutputType() {
    return outputType;
  }

  public void setOutputType(TypeInfo<T> outputType) {
    this.outputType = Objects.requireNonNull(outputType, "outputType");
  }

  /** Whether the operator's user code may block, so that it needs a thread of its own. */
  public boolean isBlocking() {
    return blocking;
  }

  public void setBlocking(boolean blocking) {
    this.blocking = blocking;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "'}";
  }
}
