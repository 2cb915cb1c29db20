package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Processes a non-keyed stream connected with a broadcast stream ({@code
 * stream.connect(rules.broadcast(descriptor)).process(function)}): every subtask sees every
 * broadcast record and keeps what it needs of them in broadcast state, which the records of the
 * other stream read.
 *
 * <pre>{@code
 * MapStateDescriptor<String, Rule> rules = new MapStateDescriptor<>("rules", String.class, Rule.class);
 * events.connect(ruleStream.broadcast(rules)).process(new BroadcastProcessFunction<Event, Rule, Alert>() {
 *   public void processElement(Event e, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
 *     Rule rule = ctx.getBroadcastState(rules).get(e.type());
 *     if (rule != null && rule.matches(e)) {
 *       out.collect(new Alert(rule, e));
 *     }
 *   }
 *
 *   public void processBroadcastElement(Rule rule, Context ctx, Collector<Alert> out) throws Exception {
 *     ctx.getBroadcastState(rules).put(rule.type(), rule);
 *   }
 * });
 * }</pre>
 *
 * <h3>Order and consistency</h3>
 * The two methods run on the subtask's thread, never concurrently. Records of the two inputs
 * interleave in no fixed order: a record may arrive before the broadcast record it would need
 * (keep it, for example in operator list state, until then). Every subtask receives the
 * broadcast records in the same order; change the broadcast state only as a function of them, so
 * that all copies stay equal.
 *
 * <h3>Checkpoints</h3>
 * Each subtask's broadcast states are part of its checkpoints; on restore, also at another
 * parallelism, every subtask gets a copy. The function may also implement {@code
 * CheckpointedFunction} for operator state of its own.
 *
 * @param <IN1> the type of the non-broadcast input
 * @param <IN2> the type of the broadcast input
 * @param <OUT> the output type
 * @since 0.1
 */
@Public
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
  private static final long serialVersionUID = 1L;

  /** Handles a record of the non-broadcast input; the broadcast states are read-only here. */
  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

  /** Handles a record of the broadcast input, which every subtask receives. */
  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;
}
