package weir.api.datastream;

import weir.api.functions.CoMapFunction;
import weir.api.functions.Collector;
import weir.api.functions.ProcessFunction;

/** Runs a {@link CoMapFunction} as a co-process function. */
final class CoMapAdapter<A, B, R> extends CoProcessAdapter<A, B, R, CoMapFunction<A, B, R>> {
  private static final long serialVersionUID = 1L;

  CoMapAdapter(CoMapFunction<A, B, R> mapper) {
    super(mapper);
  }

  @Override
  public void processElement1(A value, ProcessFunction.Context ctx, Collector<R> out) throws Exception {
    out.collect(function.map1(value));
  }

  @Override
  public void processElement2(B value, ProcessFunction.Context ctx, Collector<R> out) throws Exception {
    out.collect(function.map2(value));
  }
}
