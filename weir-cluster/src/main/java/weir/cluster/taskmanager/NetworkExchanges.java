package weir.cluster.taskmanager;

import java.util.List;
import weir.cluster.rpc.SubtaskPlacement;
import weir.runtime.executor.ExchangeWiring;
import weir.runtime.graph.JobGraph;
import weir.runtime.task.Tasklet;

/**
 * The channels of one job attempt that cross to or from another TaskManager: their local rings
 * are drained to, or filled from, the network by tasklets that run beside the subtasks.
 */
interface NetworkExchanges extends ExchangeWiring.RemoteEnds, AutoCloseable {
  /** Where each subtask of a job attempt runs. */
  @FunctionalInterface
  interface Placements {
    SubtaskPlacement of(int vertexId, int subtask);
  }

  /** Makes the network side of each attempt deployed on this TaskManager. */
  @FunctionalInterface
  interface Factory {
    NetworkExchanges create(JobGraph job, int attempt, Placements placements) throws Exception;
  }

  /** The sender and receiver tasklets of the channels handed over so far. */
  List<Tasklet> tasklets() throws Exception;

  /** Releases the attempt's channels and network buffers. */
  @Override
  void close();
}
