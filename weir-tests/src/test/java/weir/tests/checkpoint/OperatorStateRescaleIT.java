package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import weir.api.checkpoint.SavepointRestoreSettings;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.BroadcastStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobClient;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.BroadcastProcessFunction;
import weir.api.functions.Collector;
import weir.api.state.CheckpointedFunction;
import weir.api.state.FunctionInitializationContext;
import weir.api.state.FunctionSnapshotContext;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapStateDescriptor;
import weir.tests.support.CollectingSink;

/**
 * Operator state across savepoints taken at one parallelism and restored at another (2, then 3,
 * then 1): list state is split over the new subtasks, union list state reaches each of them
 * whole, and broadcast state is restored on every subtask.
 *
 * <h3>Design of this test</h3>
 * One broadcast process function holds all three kinds. On its fresh start each subtask puts six
 * tokens of its own into list state; in every snapshot it writes a union list with just its own
 * entry, "subtask/parallelism"; its broadcast state holds three rules from a bounded broadcast
 * source that is read once, in the first job, and ended since. Each subtask reports what it holds
 * with its first record (from a rate-limited, endless source, dealt round robin) and after every
 * rule; a job is stopped with a savepoint once every subtask has reported what the test needs,
 * and the next one resumes from it.
 */
class OperatorStateRescaleIT {
  private static final MapStateDescriptor<String, Integer> RULES =
      new MapStateDescriptor<>("rules", String.class, Integer.class);

  /** What a subtask holds, reported on its first record ("first") or after a rule ("rule"). */
  public record Report(String kind, int subtask, int parallelism, boolean restored, List<String> tokens,
      List<String> owners, List<String> rules) {}

  /** A rule of the broadcast stream. */
  public record Rule(String name, int value) {}

  /** Keeps tokens (list state), its subtasks' entries (union list state) and the rules (broadcast state). */
  static final class Reporter extends BroadcastProcessFunction<Long, Rule, Report> implements CheckpointedFunction {
    private transient ListState<String> tokens;
    private transient ListState<String> owners;
    private transient List<String> restoredOwners;
    private transient boolean restored;
    private transient boolean reported;

    @Override
    public void initializeState(FunctionInitializationContext context) {
      tokens = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("tokens", String.class));
      owners = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("owners", String.class));
      restored = context.isRestored();
      if (!restored) {
        for (int i = 0; i < 6; i++) {
          tokens.add("t" + context.getRuntimeContext().getSubtaskIndex() + "-" + i);
        }
      }
      restoredOwners = new ArrayList<>();
      owners.get().forEach(restoredOwners::add);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      owners.update(List.of(getRuntimeContext().getSubtaskIndex() + "/" + getRuntimeContext().getParallelism()));
    }

    @Override
    public void processElement(Long tick, ReadOnlyContext ctx, Collector<Report> out) throws Exception {
      if (!reported) {
        reported = true;
        out.collect(report("first", ctx.getBroadcastState(RULES).immutableEntries()));
      }
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<Report> out) throws Exception {
      ctx.getBroadcastState(RULES).put(rule.name(), rule.value());
      out.collect(report("rule", ctx.getBroadcastState(RULES).immutableEntries()));
    }

    private Report report(String kind, Iterable<Map.Entry<String, Integer>> rules) {
      List<String> mine = new ArrayList<>();
      tokens.get().forEach(mine::add);
      TreeMap<String, Integer> sorted = new TreeMap<>();
      rules.forEach(e -> sorted.put(e.getKey(), e.getValue()));
      List<String> ruleList = new ArrayList<>();
      sorted.forEach((name, value) -> ruleList.add(name + "=" + value));
      return new Report(kind, getRuntimeContext().getSubtaskIndex(), getRuntimeContext().getParallelism(), restored,
          mine.stream().sorted().toList(), restoredOwners.stream().sorted().toList(), ruleList);
    }
  }

  private static JobClient start(int parallelism, Path dir, @Nullable Path savepoint, CollectingSink<Report> sink)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(Duration.ofMillis(50));
    env.getCheckpointConfig().setCheckpointDirectory(dir.resolve("chk"));
    if (savepoint != null) {
      env.getConfig().setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
    }
    BroadcastStream<Rule> rules = env.fromData(List.of(new Rule("a", 1), new Rule("b", 2), new Rule("c", 3)))
        .uid("rules").setParallelism(1)
        .broadcast(RULES);
    env.fromSource(new DataGeneratorSource<Long>(i -> i, Long.MAX_VALUE, 500), WatermarkStrategy.<Long>noWatermarks(),
            "ticks")
        .uid("ticks").setParallelism(1)
        .rebalance()
        .connect(rules)
        .process(new Reporter())
        .uid("reporter")
        .sinkTo(sink);
    return env.executeAsync("operator state rescale");
  }

  /** Waits until {@code sink} holds, per subtask 0 to {@code parallelism - 1}, a report that {@code wanted} accepts. */
  private static Map<Integer, Report> await(CollectingSink<Report> sink, int parallelism, Predicate<Report> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      Map<Integer, Report> bySubtask = new TreeMap<>();
      for (Report r : sink.values()) {
        if (wanted.test(r)) {
          bySubtask.put(r.subtask(), r);
        }
      }
      if (bySubtask.size() == parallelism) {
        return bySubtask;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not every one of " + parallelism + " subtasks reported in time; reports: "
            + sink.values());
      }
      Thread.sleep(10);
    }
  }

  private static Path stop(JobClient job, Path dir) throws Exception {
    Path savepoint = job.stopWithSavepoint(dir.resolve("savepoints")).get(60, TimeUnit.SECONDS);
    job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    return savepoint;
  }

  @Test
  @Timeout(180)
  void when_rescaled_2_3_1_then_list_state_splits_union_state_reaches_all_and_broadcast_state_is_on_every_subtask(
      @TempDir Path dir) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      for (int i = 0; i < 6; i++) {
        tokens.add("t" + subtask + "-" + i);
      }
    }
    List<String> rules = List.of("a=1", "b=2", "c=3");

    Path first;
    try (CollectingSink<Report> sink = new CollectingSink<>()) {
      JobClient job = start(2, dir, null, sink);
      Map<Integer, Report> fresh = await(sink, 2, r -> r.kind().equals("rule") && r.rules().equals(rules));
      first = stop(job, dir);
      for (Report r : fresh.values()) {
        assertThat(r.restored()).isFalse();
        assertThat(r.tokens()).hasSize(6).allMatch(t -> t.startsWith("t" + r.subtask() + "-"));
      }
    }

    Path second;
    try (CollectingSink<Report> sink = new CollectingSink<>()) {
      JobClient job = start(3, dir, first, sink);
      Map<Integer, Report> rescaled = await(sink, 3, r -> r.kind().equals("first"));
      second = stop(job, dir);
      Set<String> dealt = new HashSet<>();
      for (Report r : rescaled.values()) {
        assertThat(r.restored()).isTrue();
        assertThat(r.tokens()).hasSize(4);
        for (String t : r.tokens()) {
          assertThat(dealt.add(t)).as("token %s dealt to one subtask only", t).isTrue();
        }
        assertThat(r.owners()).containsExactly("0/2", "1/2");
        assertThat(r.rules()).isEqualTo(rules);
      }
      assertThat(dealt).containsExactlyInAnyOrderElementsOf(tokens);
    }

    try (CollectingSink<Report> sink = new CollectingSink<>()) {
      JobClient job = start(1, dir, second, sink);
      Report one = await(sink, 1, r -> r.kind().equals("first")).get(0);
      job.cancel();
      job.getJobExecutionResult().handle((result, failure) -> null).get(60, TimeUnit.SECONDS);
      assertThat(one.restored()).isTrue();
      assertThat(one.tokens()).containsExactlyInAnyOrderElementsOf(tokens);
      assertThat(one.owners()).containsExactly("0/3", "1/3", "2/3");
      assertThat(one.rules()).isEqualTo(rules);
    }
  }
}
