package weir.examples.docs;

import java.time.Duration;
import java.util.List;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.StateTtlConfig;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

/**
 * The code shown in {@code docs/state.md}: each region between {@code [START name]} and {@code
 * [END name]} appears verbatim in the document (a test checks it), and each method runs.
 */
public final class StateSnippets {
  private StateSnippets() {}

  // [START ttl]
  /** Passes on the first event of each id; an id is forgotten a day after it was last seen. */
  public static final class Deduplicate extends KeyedProcessFunction<String, String, String> {
    private transient ValueState<Boolean> seen;

    @Override
    public void open(RuntimeContext ctx) {
      StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofDays(1))
          .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
          .cleanupIncrementally(10, false)
          .build();
      ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("seen", Boolean.class);
      descriptor.enableTimeToLive(ttl);
      seen = ctx.getState(descriptor);
    }

    @Override
    public void processElement(String id, Context<String> ctx, Collector<String> out) {
      if (seen.value() == null) {
        seen.update(true);
        out.collect(id);
      }
    }
  }
  // [END ttl]

  /** A TTL on event time: 30 minutes of watermark progress, left out of full snapshots once expired. */
  public static StateTtlConfig eventTimeTtl() {
    // [START ttl-event-time]
    StateTtlConfig sessionTtl = StateTtlConfig.newBuilder(Duration.ofMinutes(30))
        .useEventTime()
        .cleanupFullSnapshot()
        .build();
    // [END ttl-event-time]
    return sessionTtl;
  }

  /** Runs the deduplication on a bounded stream of ids; the job ends long before any id expires. */
  public static List<String> deduplicate(String... ids) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    return env.fromElements(ids)
        .keyBy(id -> id)
        .process(new Deduplicate())
        .executeAndCollectAll();
  }
}
