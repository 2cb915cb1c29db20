package weir.cluster.taskmanager;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeSerializer;
import weir.cluster.rpc.SubtaskPlacement;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.graph.JobEdge;
import weir.runtime.graph.JobGraph;
import weir.runtime.network.ChannelId;
import weir.runtime.network.InputGate;
import weir.runtime.network.NetworkEnvironment;
import weir.runtime.task.Tasklet;

/**
 * The network side of one job attempt on this TaskManager: a sender tasklet per channel whose
 * consumer runs on another TaskManager, and per local consuming subtask an input gate with a
 * receiver tasklet per channel whose producer runs elsewhere.
 */
final class NetworkChannels implements NetworkExchanges {
  private record Outgoing(ChannelId id, SpscChannel ring, InetSocketAddress receiver) {}

  private record Incoming(ChannelId id, SpscChannel ring) {}

  private record Consumer(int vertexId, int subtask) {}

  private final NetworkEnvironment network;
  private final JobGraph job;
  private final int attempt;
  private final Placements placements;
  private final SerializerConfig serializers;
  private final List<Outgoing> outgoing = new ArrayList<>();
  private final Map<Consumer, List<Incoming>> incoming = new LinkedHashMap<>();

  NetworkChannels(NetworkEnvironment network, JobGraph job, int attempt, Placements placements) {
    this.network = network;
    this.job = job;
    this.attempt = attempt;
    this.placements = placements;
    this.serializers = job.config().getSerializerConfig();
  }

  private ChannelId id(JobEdge edge, int producer, int consumer) {
    return new ChannelId(job.jobId(), attempt, edge.edge().id(), producer, consumer);
  }

  @Override
  public void outgoing(JobEdge edge, int producer, int consumer, SpscChannel ring) {
    SubtaskPlacement target = placements.of(edge.targetVertex(), consumer);
    outgoing.add(new Outgoing(id(edge, producer, consumer), ring,
        new InetSocketAddress(target.getDataHost(), target.getDataPort())));
  }

  @Override
  public void incoming(JobEdge edge, int producer, int consumer, SpscChannel ring) {
    incoming.computeIfAbsent(new Consumer(edge.targetVertex(), consumer), k -> new ArrayList<>())
        .add(new Incoming(id(edge, producer, consumer), ring));
  }

  @Override
  public List<Tasklet> tasklets() {
    List<Tasklet> tasklets = new ArrayList<>();
    for (Outgoing o : outgoing) {
      tasklets.add(network.sender(o.id(), o.ring(), serializer(o.ring()), o.receiver()));
    }
    for (Map.Entry<Consumer, List<Incoming>> e : incoming.entrySet()) {
      InputGate gate = network.createGate(job.vertex(e.getKey().vertexId()).name() + " (" + (e.getKey().subtask() + 1)
          + "/" + job.vertex(e.getKey().vertexId()).parallelism() + ") attempt " + attempt, e.getValue().size());
      for (Incoming i : e.getValue()) {
        tasklets.add(gate.receiver(i.id(), i.ring(), serializer(i.ring())));
      }
    }
    return tasklets;
  }

  @SuppressWarnings("unchecked")
  private TypeSerializer<Object> serializer(SpscChannel ring) {
    return (TypeSerializer<Object>) ring.elementType().createSerializer(serializers);
  }

  @Override
  public void close() {
    network.releaseJob(job.jobId(), attempt);
  }
}
