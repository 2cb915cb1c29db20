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
 *
 * <p>On a cluster only some subtasks run in this process ({@link Placement}). A channel between
 * two of them is a plain in-memory ring; a channel with one end elsewhere is still a ring on this
 * side, handed to {@link RemoteEnds} to be drained to or filled from the network. A subtask's
 * channels come in the same order wherever its peers run, so the records in flight of an
 * unaligned checkpoint find their channel again after a restart on other TaskManagers.
 */
public final class ExchangeWiring {
  /** Which subtasks run in this process. */
  @FunctionalInterface
  public interface Placement {
    /** Every subtask runs here: the embedded executor. */
    Placement ALL = (vertexId, subtask) -> true;

    boolean isLocal(int vertexId, int subtask);
  }

  /** The local end of each channel whose other end runs in another process. */
  public interface RemoteEnds {
    /** No channel leaves the process. */
    RemoteEnds NONE = new RemoteEnds() {
      @Override
      public void outgoing(JobEdge edge, int producer, int consumer, SpscChannel ring) {
        throw new IllegalStateException("Bug in exchange wiring: consumer " + consumer + " of edge " + edge.edge().id()
            + " is not in this process");
      }

      @Override
      public void incoming(JobEdge edge, int producer, int consumer, SpscChannel ring) {
        throw new IllegalStateException("Bug in exchange wiring: producer " + producer + " of edge " + edge.edge().id()
            + " is not in this process");
      }
    };

    /** {@code ring} is written by local subtask {@code producer}; its consumer runs elsewhere. */
    void outgoing(JobEdge edge, int producer, int consumer, SpscChannel ring);

    /** {@code ring} is read by local subtask {@code consumer}; its producer runs elsewhere. */
    void incoming(JobEdge edge, int producer, int consumer, SpscChannel ring);
  }

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
  private final Placement placement;
  private final RemoteEnds remote;

  /** Wires a job whose subtasks all run in this process. */
  ExchangeWiring(JobGraph job) {
    this(job, Placement.ALL, RemoteEnds.NONE);
  }

  /** Wires the subtasks of {@code job} that {@code placement} puts in this process. */
  public ExchangeWiring(JobGraph job, Placement placement, RemoteEnds remote) {
    this.placement = placement;
    this.remote = remote;
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
      boolean producerLocal = placement.isLocal(producer.id(), i);
      SpscChannel[] channels = new SpscChannel[targets.size()];
      for (int c = 0; c < channels.length; c++) {
        int j = targets.get(c);
        boolean consumerLocal = placement.isLocal(consumer.id(), j);
        if (!producerLocal && !consumerLocal) {
          continue;
        }
        channels[c] = new SpscChannel(capacity, type);
        if (consumerLocal) {
          SubtaskIo target = of(consumer.id(), j);
          target.inputs.add(channels[c]);
          target.inputIndexes.add(edge.inputIndex());
          if (!producerLocal) {
            remote.incoming(e, i, j, channels[c]);
          }
        } else {
          remote.outgoing(e, i, j, channels[c]);
        }
      }
      if (producerLocal) {
        of(producer.id(), i).writers.put(edge, new RecordWriter(channels, selector(edge, consumer, channels.length)));
      }
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
