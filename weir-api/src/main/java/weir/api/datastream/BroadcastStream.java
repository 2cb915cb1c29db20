package weir.api.datastream;

import java.util.List;
import weir.api.annotation.Public;
import weir.api.graph.Transformation;
import weir.api.state.MapStateDescriptor;
import weir.api.typeinfo.TypeInfo;

/**
 * A stream sent to every subtask of the operator it is connected to, together with the
 * broadcast states that operator keeps: the result of {@link DataStream#broadcast(MapStateDescriptor[])}.
 * Connect it to a stream with {@link DataStream#connect(BroadcastStream)} and process the pair
 * with a broadcast process function.
 *
 * @param <T> the type of the broadcast records
 * @since 0.1
 */
@Public
public final class BroadcastStream<T> {
  private final StreamExecutionEnvironment env;
  private final Transformation<T> transformation;
  private final List<MapStateDescriptor<?, ?>> descriptors;

  BroadcastStream(StreamExecutionEnvironment env, Transformation<T> transformation,
      List<MapStateDescriptor<?, ?>> descriptors) {
    this.env = env;
    this.transformation = transformation;
    this.descriptors = List.copyOf(descriptors);
  }

  /** The environment this stream belongs to. */
  public StreamExecutionEnvironment getExecutionEnvironment() {
    return env;
  }

  /** The type of the broadcast records. */
  public TypeInfo<T> getType() {
    return transformation.getOutputType();
  }

  /** The descriptors of the broadcast states, as given to {@code broadcast}. */
  public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
    return descriptors;
  }

  /** The transformation that sends the records to every consumer subtask. */
  Transformation<T> getTransformation() {
    return transformation;
  }
}
