package weir.api.datastream;

import weir.api.annotation.Public;
import weir.api.graph.SinkTransformation;

/**
 * The end of a stream in a sink; sets the sink operator's name, uid and parallelism.
 *
 * @since 0.1
 */
@Public
public final class DataStreamSink<T> {
  private final SinkTransformation<T> transformation;

  DataStreamSink(SinkTransformation<T> transformation) {
    this.transformation = transformation;
  }

  /** Names the sink operator. */
  public DataStreamSink<T> name(String name) {
    transformation.setName(name);
    return this;
  }

  /** Sets a stable id for the sink operator. */
  public DataStreamSink<T> uid(String uid) {
    transformation.setUid(uid);
    return this;
  }

  /** Sets the sink's parallelism. */
  public DataStreamSink<T> setParallelism(int parallelism) {
    transformation.setParallelism(parallelism);
    return this;
  }

  /** Marks the sink as blocking: its writer gets a thread of its own. */
  public DataStreamSink<T> blocking() {
    transformation.setBlocking(true);
    return this;
  }

  /** The sink transformation. */
  public SinkTransformation<T> getTransformation() {
    return transformation;
  }
}
