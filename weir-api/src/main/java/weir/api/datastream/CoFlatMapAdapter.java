package weir.api.datastream;

import weir.api.functions.CoFlatMapFunction;
import weir.api.functions.Collector;
import weir.api.functions.ProcessFunction;

/** Runs a {@link CoFlatMapFunction} as a co-process function. */
final class CoFlatMapAdapter<A, B, R> extends CoProcessAdapter<A, B, R, CoFlatMapFunction<A, B, R>> {
  private static final long serialVersionUID = 1L;

  CoFlatMapAdapter(CoFlatMapFunction<A, B, R> flatMapper) {
    super(flatMapper);
  }

  @Override
  public void processElement1(A value, ProcessFunction.Context ctx, Collector<R> out) throws Exception {
    function.flatMap1(value, out);
  }

  @Override
  public void processElement2(B value, ProcessFunction.Context ctx, Collector<R> out) throws Exception {
    function.flatMap2(value, out);
  }
}
