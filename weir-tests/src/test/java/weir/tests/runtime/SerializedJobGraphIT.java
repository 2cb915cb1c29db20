package weir.tests.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.Collector;
import weir.api.functions.ProcessFunction;
import weir.runtime.executor.EmbeddedExecutor;
import weir.runtime.graph.JobGraph;
import weir.runtime.graph.JobGraphBuilder;
import weir.tests.support.CollectingSink;

/**
 * A job graph is plain serializable data (DESIGN.md §1): a serialized and deserialized copy runs
 * to the same result as the original, as it would after shipping to a cluster.
 */
class SerializedJobGraphIT {
  private static final OutputTag<Long> NEGATIVE = OutputTag.of("negative", Long.class);

  static final class SplitSign extends ProcessFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      if (value < 0) {
        ctx.output(NEGATIVE, value);
      } else {
        out.collect(value);
      }
    }
  }

  /** A job with a side output, a keyed reduction and a rebalance, collected into two sinks. */
  private static void defineJob(StreamExecutionEnvironment env, CollectingSink<Long> sums, CollectingSink<Long> negatives) {
    // one upstream chain keeps each key's records in order, so the running sums are deterministic
    var split = env.fromSequence(-500, 2_000).setParallelism(1)
        .map(x -> x * 3).setParallelism(1)
        .process(new SplitSign()).setParallelism(1);
    split.keyBy(x -> x % 7).reduce(Long::sum).sinkTo(sums);
    split.getSideOutput(NEGATIVE).rebalance().sinkTo(negatives);
  }

  /** The running sums per key a single source emits in order, and the side output's records. */
  private static List<Long> expectedSums() {
    Map<Long, Long> sums = new TreeMap<>();
    List<Long> expected = new ArrayList<>();
    for (long x = 0; x <= 2_000; x++) {
      long v = x * 3;
      expected.add(sums.merge(v % 7, v, Long::sum));
    }
    return expected;
  }

  private static List<Long> expectedNegatives() {
    return LongStream.rangeClosed(-500, -1).map(x -> x * 3).boxed().toList();
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_executorSerializesTheJobGraph_then_resultEqualsTheDirectRun(int parallelism) throws Exception {
    List<Long> directSums;
    List<Long> directNegatives;
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sums = new CollectingSink<Long>(); var negatives = new CollectingSink<Long>()) {
      defineJob(env, sums, negatives);
      env.execute("direct");
      directSums = sums.values();
      directNegatives = negatives.values();
    }
    var serializing = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    serializing.getConfig().setSerializeJobGraph(true);
    try (var sums = new CollectingSink<Long>(); var negatives = new CollectingSink<Long>()) {
      defineJob(serializing, sums, negatives);
      serializing.execute("serialized");

      assertThat(sums.values()).containsExactlyInAnyOrderElementsOf(directSums);
      assertThat(negatives.values()).containsExactlyInAnyOrderElementsOf(directNegatives);
      assertThat(directSums).containsExactlyInAnyOrderElementsOf(expectedSums());
      assertThat(directNegatives).containsExactlyInAnyOrderElementsOf(expectedNegatives());
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_jobGraphIsCopiedThroughJavaSerialization_then_theCopyRunsToTheSameResult(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sums = new CollectingSink<Long>(); var negatives = new CollectingSink<Long>()) {
      defineJob(env, sums, negatives);
      JobGraph graph = JobGraphBuilder.build(env.takePipeline("copied"));

      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(graph);
      }
      JobGraph copy;
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy = (JobGraph) in.readObject();
      }
      assertThat(copy).isNotSameAs(graph);
      assertThat(copy.vertices()).hasSameSizeAs(graph.vertices());

      new EmbeddedExecutor().execute(copy).await();

      assertThat(sums.values()).containsExactlyInAnyOrderElementsOf(expectedSums());
      assertThat(negatives.values()).containsExactlyInAnyOrderElementsOf(expectedNegatives());
    }
  }
}
