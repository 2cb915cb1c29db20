package weir.runtime.window;

import java.util.Map;
import weir.api.functions.KeySelector;
import weir.api.graph.OperatorSpec;
import weir.runtime.operators.OneInputOperator;
import weir.runtime.operators.OperatorContext;
import weir.runtime.operators.Output;

/**
 * Picks the operator that runs a window spec. Every spec can run on the general
 * {@link WindowOperator}; an operator specialized for some specs is chosen here, before the
 * general one, for the specs it supports: {@link SlicingWindowOperator} for aligned event-time
 * windows and {@link SessionWindowOperator} for session windows, both with incremental contents
 * and the default trigger.
 */
public final class WindowOperators {
  private WindowOperators() {}

  /**
   * The operator for {@code spec}, keyed by {@code keySelector} ({@code windowAll} passes its
   * constant key).
   *
   * @param copies the vertex's specialized classes by place, shared by its subtasks
   * @param place where in the chain the operator sits
   * @param spec this subtask's own copy of the spec, whose user objects the operator uses and opens
   */
  public static <K, T, OUT> OneInputOperator<T> create(Map<String, Class<?>> copies, String place,
      OperatorSpec.Window spec, KeySelector<T, K> keySelector, OperatorContext context, Output<OUT> output) {
    if (SlicingWindowOperator.supports(spec)) {
      return SlicingWindowOperator.create(copies, place, spec, keySelector, context, output);
    }
    if (SessionWindowOperator.supports(spec)) {
      return SessionWindowOperator.create(copies, place, spec, keySelector, context, output);
    }
    return new WindowOperator<>(spec, keySelector, context, output);
  }
}
