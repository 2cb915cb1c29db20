package weir.api.datastream;

import weir.api.functions.CoFlatMapFunction;
import weir.api.functions.CoProcessFunction;
import weir.api.functions.Collector;
import weir.api.functions.ProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.graph.FunctionLifecycle;

/** Runs a {@link CoFlatMapFunction} as a co-process function. */
final class CoFlatMapAdapter<A, B, R> extends CoProcessFunction<A, B, R> {
  private static final long serialVersionUID = 1L;

  private final CoFlatMapFunction<A, B, R> flatMapper;

  CoFlatMapAdapter(CoFlatMapFunction<A, B, R> flatMapper) {
    this.flatMapper = flatMapper;
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    super.open(context);
    FunctionLifecycle.open(flatMapper, context);
  }

  @Override
  public void processElement1(A value, ProcessFunction.Context ctx, Collector<R> out) throws Exception {
    flatMapper.flatMap1(value, out);
  }

  @Override
  public void processElement2(B value, ProcessFunction.Context ctx, Collector<R> out) throws Exception {
    flatMapper.flatMap2(value, out);
  }

  @Override
  public void close() throws Exception {
    FunctionLifecycle.close(flatMapper);
  }
}
