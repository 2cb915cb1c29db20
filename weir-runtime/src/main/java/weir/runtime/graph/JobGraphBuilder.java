package weir.runtime.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import weir.api.graph.Partitioning;
import weir.api.graph.Pipeline;

/**
 * Chains the stream graph into a {@link JobGraph}. An edge is chained — its target runs in the
 * same subtask as its source, fed by a direct call — when it is forward, both sides have the same
 * parallelism and blocking mode, and the target has no other input. Everything else becomes an
 * exchange between vertices.
 */
public final class JobGraphBuilder {
  private JobGraphBuilder() {}

  /** Builds the job graph of {@code pipeline}. */
  public static JobGraph build(Pipeline pipeline) {
    return build(StreamGraphBuilder.build(pipeline));
  }

  /** Chains {@code graph} into a job graph. */
  public static JobGraph build(StreamGraph graph) {
    Map<Integer, Integer> vertexOf = new HashMap<>();
    List<JobVertex> vertices = new ArrayList<>();
    for (StreamNode node : graph.allNodes()) {
      if (isChainHead(graph, node)) {
        List<StreamNode> chain = new ArrayList<>();
        collectChain(graph, node, chain);
        StringBuilder name = new StringBuilder();
        for (StreamNode n : chain) {
          vertexOf.put(n.id(), node.id());
          name.append(name.length() == 0 ? "" : " -> ").append(n.name());
        }
        vertices.add(new JobVertex(node.id(), name.toString(), List.copyOf(chain), node.parallelism(),
            node.maxParallelism(), node.blocking()));
      }
    }
    List<JobEdge> edges = new ArrayList<>();
    for (StreamNode node : graph.allNodes()) {
      for (StreamEdge e : node.outEdges()) {
        if (!isChainable(graph, e)) {
          edges.add(new JobEdge(vertexOf.get(e.source()), vertexOf.get(e.target()), e));
        }
      }
    }
    vertices.sort((a, b) -> Integer.compare(topologicalRank(graph, a.head()), topologicalRank(graph, b.head())));
    return new JobGraph(newJobId(), graph.jobName(), List.copyOf(vertices), List.copyOf(edges), graph.config());
  }

  /** A random 128-bit id in hex; not from SecureRandom, whose first use is slow and not needed here. */
  private static String newJobId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder id = new StringBuilder(32);
    for (int i = 0; i < 2; i++) {
      String half = Long.toHexString(random.nextLong());
      id.append("0".repeat(16 - half.length())).append(half);
    }
    return id.toString();
  }

  private static boolean isChainHead(StreamGraph graph, StreamNode node) {
    return node.inEdges().size() != 1 || !isChainable(graph, node.inEdges().get(0));
  }

  static boolean isChainable(StreamGraph graph, StreamEdge edge) {
    StreamNode source = graph.node(edge.source());
    StreamNode target = graph.node(edge.target());
    return edge.partitioning() instanceof Partitioning.Forward
        && target.inEdges().size() == 1
        && target.kind() != StreamNode.Kind.TWO_INPUT
        && source.parallelism() == target.parallelism()
        && source.blocking() == target.blocking();
  }

  private static void collectChain(StreamGraph graph, StreamNode node, List<StreamNode> chain) {
    chain.add(node);
    for (StreamEdge e : node.outEdges()) {
      if (isChainable(graph, e)) {
        collectChain(graph, graph.node(e.target()), chain);
      }
    }
  }

  /** The length of the longest path from a source; orders producers before consumers. */
  private static int topologicalRank(StreamGraph graph, StreamNode node) {
    int rank = 0;
    for (StreamEdge e : node.inEdges()) {
      rank = Math.max(rank, topologicalRank(graph, graph.node(e.source())) + 1);
    }
    return rank;
  }
}
