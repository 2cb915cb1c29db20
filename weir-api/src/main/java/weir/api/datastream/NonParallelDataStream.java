package weir.api.datastream;

import weir.api.graph.Transformation;

/** A stream whose producing operator must run with parallelism 1, such as a {@code windowAll}. */
final class NonParallelDataStream<T> extends DataStream<T> {
  NonParallelDataStream(StreamExecutionEnvironment env, Transformation<T> transformation) {
    super(env, transformation);
    transformation.setParallelism(1);
  }

  /** Accepts only 1. */
  @Override
  public DataStream<T> setParallelism(int parallelism) {
    if (parallelism != 1) {
      throw new IllegalArgumentException("The operator '" + transformation.getName()
          + "' sees all records of the stream and runs with parallelism 1, but parallelism " + parallelism
          + " was requested");
    }
    return this;
  }
}
