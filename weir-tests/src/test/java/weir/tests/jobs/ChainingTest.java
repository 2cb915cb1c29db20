package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.connector.sink.lib.DiscardingSink;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.runtime.graph.JobGraph;
import weir.runtime.graph.JobGraphBuilder;
import weir.runtime.graph.JobVertex;

/** Which operators the job graph chains into one vertex (DESIGN.md §1). */
class ChainingTest {
  private static List<String> vertexNames(JobGraph graph) {
    return graph.vertices().stream().map(JobVertex::name).toList();
  }

  @Test
  void when_forwardEdgesWithEqualParallelism_then_sourceMapFilterAndSinkAreOneVertex() {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.fromSequence(1, 10).map(x -> x + 1).name("Inc").filter(x -> x > 3).name("Big")
        .sinkTo(new DiscardingSink<>()).name("Out");

    JobGraph graph = JobGraphBuilder.build(env.takePipeline("x"));

    assertThat(vertexNames(graph)).containsExactly("Sequence -> Inc -> Big -> Out");
    assertThat(graph.edges()).isEmpty();
  }

  @Test
  void when_keyBy_then_theChainBreaksAtTheKeyedExchange() {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.fromSequence(1, 10).map(x -> x + 1).name("Inc").filter(x -> x > 3).name("Big")
        .keyBy(x -> x % 3).reduce(Long::sum).name("Total")
        .sinkTo(new DiscardingSink<>()).name("Out");

    JobGraph graph = JobGraphBuilder.build(env.takePipeline("x"));

    assertThat(vertexNames(graph)).containsExactly("Sequence -> Inc -> Big", "Total -> Out");
    assertThat(graph.edges()).hasSize(1);
  }

  @Test
  void when_parallelismChangesOrAPartitioningIsExplicit_then_theChainBreaks() {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.fromSequence(1, 10).map(x -> x + 1).name("Inc").setParallelism(4)
        .filter(x -> x > 3).name("Big").setParallelism(4)
        .rebalance().map(x -> x).name("Same")
        .sinkTo(new DiscardingSink<>()).name("Out");

    JobGraph graph = JobGraphBuilder.build(env.takePipeline("x"));

    assertThat(vertexNames(graph)).containsExactly("Sequence", "Inc -> Big", "Same -> Out");
  }

  @Test
  void when_oneOperatorIsBlocking_then_itIsNotChainedWithCooperativeOnes() {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.fromSequence(1, 10).map(x -> x + 1).name("Inc").map(x -> x).name("Remote").blocking()
        .sinkTo(new DiscardingSink<>()).name("Out");

    JobGraph graph = JobGraphBuilder.build(env.takePipeline("x"));

    assertThat(vertexNames(graph)).containsExactly("Sequence -> Inc", "Remote", "Out");
    assertThat(graph.vertices()).filteredOn(JobVertex::blocking).extracting(JobVertex::name).containsExactly("Remote");
  }
}
