package weir.api.datastream;

import weir.api.functions.CoMapFunction;
import weir.api.functions.CoProcessFunction;
import weir.api.functions.Collector;
import weir.api.functions.ProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.graph.FunctionLifecycle;

/** Runs a {@link CoMapFunction} as a co-process function. */
final class CoMapAdapter<A, B, R> extends CoProcessFunction<A, B, R> {
  private static final long serialVersionUID = 1L;

  private final CoMapFunction<A, B, R> mapper;

  CoMapAdapter(CoMapFunction<A, B, R> mapper) {
    this.mapper = mapper;
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    super.open(context);
    FunctionLifecycle.open(mapper, context);
  }

  @Override
  public void processElement1(A value, ProcessFunction.Context ctx, Collector<R> out) throws Exception {
    out.collect(mapper.map1(value));
  }

  @Override
  public void processElement2(B value, ProcessFunction.Context ctx, Collector<R> out) throws Exception {
    out.collect(mapper.map2(value));
  }

  @Override
  public void close() throws Exception {
    FunctionLifecycle.close(mapper);
  }
}
