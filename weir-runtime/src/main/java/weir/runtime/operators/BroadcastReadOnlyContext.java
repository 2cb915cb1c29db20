package weir.runtime.operators;

import weir.api.functions.KeyedBroadcastProcessFunction;
import weir.api.functions.TimeDomain;
import weir.api.functions.TimerService;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReadOnlyBroadcastState;

/**
 * The context of the non-broadcast side of a broadcast process function, and of its timers:
 * the broadcast states read-only, key, time and timers from the operator's {@link
 * ProcessContext} (which refuses timers when the operator is not keyed). One instance per
 * operator.
 */
final class BroadcastReadOnlyContext<K> extends BroadcastBaseContext<K>
    implements KeyedBroadcastProcessFunction.OnTimerContext<K> {
  BroadcastReadOnlyContext(ProcessContext<K> process, BroadcastStates states) {
    super(process, states);
  }

  @Override
  public <KB, VB> ReadOnlyBroadcastState<KB, VB> getBroadcastState(MapStateDescriptor<KB, VB> descriptor) {
    return states.readOnly(descriptor);
  }

  @Override
  public TimerService timerService() {
    return process.timerService();
  }

  @Override
  public K getCurrentKey() {
    return process.getCurrentKey();
  }

  @Override
  public TimeDomain timeDomain() {
    return process.timeDomain();
  }
}
