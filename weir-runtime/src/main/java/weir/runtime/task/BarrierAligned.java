package weir.runtime.task;

/**
 * Told by a task's input when checkpoint {@code id} (triggered at {@code timestamp}) has arrived
 * on every input channel (or the channel ended): the task then snapshots and forwards the
 * barrier. A top-level type, as the input is instantiated from a hidden copy of its class.
 */
interface BarrierAligned {
  void onAligned(long checkpointId, long timestamp) throws Exception;
}
