package weir.runtime.executor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weir.api.graph.Partitioning;
import weir.api.typeinfo.TypeInfo;
import weir.runtime.exchange.ChannelSelector;
import weir.runtime.exchange.ChannelSelectors;
import weir.runtime.exchange.RecordWriter;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.graph.JobEdge;
import weir.runtime.graph.JobGraph;
import weir.runtime.graph.JobVertex;
import weir.runtime.graph.StreamEdge;
import weir.runtime.graph.StreamNode;

/**
 * Creates the channels of every exchange of a job and hands each subtask its writers and input
 * channels. All-to-all edges (rebalance, shuffle, broadcast, global, keyed) get a channel per
 * producer-consumer pair; pointwise edges (forward, rescale) connect each producer to one or a
 * few consumers.
 */
final class ExchangeWiring {
  /** The writers and inputs of one subtask. */
  static final class SubtaskIo {
    final Map<StreamEdge, RecordWriter> writers = new LinkedHashMap<>();
    final List<SpscChannel> inputs = new ArrayList<>();
    final List<Integer> inputIndexes = new ArrayList<>();

    SpscChannel[] inputChannels() {
      return inputs.toArray(new SpscChannel[0]);
    }

    int[] inputIndexOfChannel() {
      int[] indexes = new int[inputIndexes.size()];
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] = inputIndexes.get(i);
      }
      return indexes;
    }
  }

  private final Map<Integer, SubtaskIo[]> io = new HashMap<>();

  ExchangeWiring(JobGraph job) {
    int capacity = job.config().getExchangeCapacity();
    for (JobVertex v : job.vertices()) {
      SubtaskIo[] subtasks = new SubtaskIo[v.parallelism()];
      for (int i = 0; i < subtasks.length; i++) {
        subtasks[i] = new SubtaskIo();
      }
      io.put(v.id(), subtasks);
    }
    for (JobEdge e : job.edges()) {
      JobVertex producer = job.vertex(e.sourceVertex());
      wire(e, producer, job.vertex(e.targetVertex()), capacity, elementType(e.edge(), producer));
    }
  }

  SubtaskIo of(int vertexId, int subtask) {
    return io.get(vertexId)[subtask];
  }

  /** The type of the records on {@code edge}: the side output's, or the producing node's output type. */
  private static TypeInfo<?> elementType(StreamEdge edge, JobVertex producer) {
    if (edge.sideOutput() != null) {
      return edge.sideOutput().getType();
    }
    for (StreamNode n : producer.operators()) {
      if (n.id() == edge.source()) {
        return n.outputType();
      }
    }
    throw new IllegalStateException("Bug in job graph: edge " + edge.id() + " leaves vertex " + producer.name()
        + ", which does not hold node " + edge.source());
  }

  private void wire(JobEdge e, JobVertex producer, JobVertex consumer, int capacity, TypeInfo<?> type) {
    int pu = producer.parallelism();
    int pd = consumer.parallelism();
    StreamEdge edge = e.edge();
    for (int i = 0; i < pu; i++) {
      List<Integer> targets = new ArrayList<>();
      if (!edge.isPointwise()) {
        for (int j = 0; j < pd; j++) {
          targets.add(j);
        }
      } else if (pu >= pd) {
        targets.add(i * pd / pu);
      } else {
        for (int j = 0; j < pd; j++) {
          if (j * pu / pd == i) {
            targets.add(j);
          }
        }
      }
      SpscChannel[] channels = new SpscChannel[targets.size()];
      for (int c = 0; c < channels.length; c++) {
        channels[c] = new SpscChannel(capacity, type);
        SubtaskIo target = of(consumer.id(), targets.get(c));
        target.inputs.add(channels[c]);
        target.inputIndexes.add(edge.inputIndex());
      }
      of(producer.id(), i).writers.put(edge, new RecordWriter(channels, selector(edge, consumer, channels.length)));
    }
  }

  private static ChannelSelector selector(StreamEdge edge, JobVertex consumer, int channels) {
    Partitioning p = edge.partitioning();
    if (p instanceof Partitioning.Keyed keyed) {
      return ChannelSelectors.keyed(keyed.keySelector(), consumer.maxParallelism(), channels);
    } else if (p instanceof Partitioning.Broadcast) {
      return ChannelSelectors.broadcast();
    } else if (p instanceof Partitioning.Shuffle) {
      return ChannelSelectors.random(channels);
    } else if (p instanceof Partitioning.Global || channels == 1) {
      return ChannelSelectors.first();
    }
    return ChannelSelectors.roundRobin(channels);
  }
}
