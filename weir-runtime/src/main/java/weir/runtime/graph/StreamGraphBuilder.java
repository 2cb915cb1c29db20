package weir.runtime.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;
import weir.api.connector.sink.lib.CollectSink;
import weir.api.datastream.InvalidProgramException;
import weir.api.datastream.OutputTag;
import weir.api.environment.ExecutionConfig;
import weir.api.functions.KeySelector;
import weir.api.graph.OneInputTransformation;
import weir.api.graph.PartitionTransformation;
import weir.api.graph.Partitioning;
import weir.api.graph.Pipeline;
import weir.api.graph.SideOutputTransformation;
import weir.api.graph.SinkTransformation;
import weir.api.graph.SourceTransformation;
import weir.api.graph.Transformation;
import weir.api.graph.TwoInputTransformation;
import weir.api.graph.UnionTransformation;

/**
 * Turns the transformations reachable from a pipeline's sinks into a {@link StreamGraph}:
 * virtual transformations (partition, union, side output) become properties of edges, every
 * other one a node with its parallelism resolved. Edges without an explicit partitioning are
 * forward when the parallelism stays the same and rebalance otherwise.
 */
public final class StreamGraphBuilder {
  private final ExecutionConfig config;
  private final Map<Integer, StreamNode> nodes = new LinkedHashMap<>();
  private final Map<Integer, List<Endpoint>> resolved = new HashMap<>();
  private final Set<String> uids = new HashSet<>();
  private int edgeCount;

  /** Where an edge starts, as seen through virtual transformations. */
  private record Endpoint(int node, @Nullable Partitioning partitioning, @Nullable OutputTag<?> tag) {}

  private StreamGraphBuilder(ExecutionConfig config) {
    this.config = config;
  }

  /** Builds the stream graph of {@code pipeline}. */
  public static StreamGraph build(Pipeline pipeline) {
    StreamGraphBuilder builder = new StreamGraphBuilder(pipeline.config());
    for (Transformation<?> sink : pipeline.sinks()) {
      builder.resolve(sink);
    }
    return new StreamGraph(pipeline.jobName(), builder.nodes, pipeline.config());
  }

  private List<Endpoint> resolve(Transformation<?> t) {
    List<Endpoint> done = resolved.get(t.getId());
    if (done != null) {
      return done;
    }
    List<Endpoint> result;
    if (t instanceof PartitionTransformation<?> p) {
      result = new ArrayList<>();
      for (Endpoint e : resolve(p.getInput())) {
        result.add(new Endpoint(e.node(), p.getPartitioning(), e.tag()));
      }
    } else if (t instanceof UnionTransformation<?> u) {
      result = new ArrayList<>();
      for (Transformation<?> input : u.getInputs()) {
        result.addAll(resolve(input));
      }
    } else if (t instanceof SideOutputTransformation<?> s) {
      result = new ArrayList<>();
      for (Endpoint e : resolve(s.getInput())) {
        result.add(new Endpoint(e.node(), e.partitioning(), s.getTag()));
      }
    } else {
      result = List.of(new Endpoint(addNode(t).id(), null, null));
    }
    resolved.put(t.getId(), result);
    return result;
  }

  private StreamNode addNode(Transformation<?> t) {
    if (t.getUid() != null && !uids.add(t.getUid())) {
      throw new InvalidProgramException(
          "The uid '" + t.getUid() + "' is used by more than one operator (again by '" + t.getName() + "'); uids must be unique");
    }
    int parallelism = t.getParallelism() == Transformation.DEFAULT_PARALLELISM ? config.getParallelism() : t.getParallelism();
    if (parallelism > config.getMaxParallelism()) {
      throw new InvalidProgramException(
          "Operator '" + t.getName() + "' has parallelism " + parallelism + ", above the max parallelism "
              + config.getMaxParallelism() + "; raise it with env.setMaxParallelism(...)");
    }
    StreamNode node;
    if (t instanceof SourceTransformation<?> s) {
      node = node(t, StreamNode.Kind.SOURCE, parallelism, t.isBlocking(), s.getSource(), s.getWatermarkStrategy(),
          null, null);
    } else if (t instanceof OneInputTransformation<?, ?> o) {
      node = node(t, StreamNode.Kind.ONE_INPUT, parallelism, t.isBlocking(), null, null, o.getOperation(), null, o.getKeySelector());
      connect(o.getInput(), node, 0);
    } else if (t instanceof TwoInputTransformation<?, ?, ?> o) {
      node = node(t, StreamNode.Kind.TWO_INPUT, parallelism, t.isBlocking(), null, null, o.getOperation(), null,
          o.getKeySelector1(), o.getKeySelector2());
      connect(o.getInput1(), node, 0);
      connect(o.getInput2(), node, 1);
    } else if (t instanceof SinkTransformation<?> s) {
      // the collect sink hands records to the client and may wait on it, so it gets its own thread
      boolean blocking = t.isBlocking() || s.getSink() instanceof CollectSink;
      node = node(t, StreamNode.Kind.SINK, parallelism, blocking, null, null, null, s.getSink());
      connect(s.getInput(), node, 0);
    } else {
      throw new IllegalStateException("Bug in stream graph construction: unknown transformation " + t);
    }
    return node;
  }

  private StreamNode node(Transformation<?> t, StreamNode.Kind kind, int parallelism, boolean blocking,
      @Nullable weir.api.connector.source.Source<?, ?, ?> source,
      @Nullable weir.api.eventtime.WatermarkStrategy<?> watermarkStrategy, @Nullable weir.api.graph.OperatorSpec op,
      @Nullable weir.api.connector.sink.Sink<?> sink, KeySelector<?, ?>... keySelectors) {
    StreamNode node = new StreamNode(t.getId(), t.getName(), t.getUid(), kind, parallelism, config.getMaxParallelism(),
        blocking, t.getOutputType(), source, watermarkStrategy, op, sink, keySelectors);
    nodes.put(node.id(), node);
    return node;
  }

  private void connect(Transformation<?> input, StreamNode target, int inputIndex) {
    for (Endpoint e : resolve(input)) {
      StreamNode source = nodes.get(e.node());
      Partitioning partitioning = e.partitioning();
      if (partitioning == null) {
        partitioning = source.parallelism() == target.parallelism() ? new Partitioning.Forward() : new Partitioning.Rebalance();
      } else if (partitioning instanceof Partitioning.Forward && source.parallelism() != target.parallelism()) {
        throw new InvalidProgramException(
            "Forward partitioning from '" + source.name() + "' (parallelism " + source.parallelism() + ") to '"
                + target.name() + "' (parallelism " + target.parallelism()
                + ") needs equal parallelism; use rebalance() or rescale() instead");
      }
      StreamEdge edge = new StreamEdge(edgeCount++, source.id(), target.id(), inputIndex, partitioning, e.tag());
      source.outEdges().add(edge);
      target.inEdges().add(edge);
    }
  }
}
