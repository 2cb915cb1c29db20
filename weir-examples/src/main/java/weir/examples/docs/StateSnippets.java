package weir.examples.docs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import weir.api.datastream.BroadcastStream;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.AbstractRichFunction;
import weir.api.functions.Collector;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.KeyedBroadcastProcessFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.CheckpointedFunction;
import weir.api.state.FunctionInitializationContext;
import weir.api.state.FunctionSnapshotContext;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapStateDescriptor;
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

  // [START operator-state]
  /** Emits the records in lists of {@code size}; the records of the unfinished list are operator state. */
  public static final class Batching extends AbstractRichFunction
      implements FlatMapFunction<String, List<String>>, CheckpointedFunction {
    private final int size;
    private final List<String> batch = new ArrayList<>();
    private transient ListState<String> checkpointed;

    public Batching(int size) {
      this.size = size;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      checkpointed = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("batch", String.class));
      for (String record : checkpointed.get()) {
        batch.add(record); // restored records (after a restart or rescale); none on a fresh start
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      checkpointed.update(batch);
    }

    @Override
    public void flatMap(String record, Collector<List<String>> out) {
      batch.add(record);
      if (batch.size() == size) {
        out.collect(List.copyOf(batch));
        batch.clear();
      }
    }
  }
  // [END operator-state]

  /** Runs the batching on a bounded stream: the last, unfinished batch is not emitted. */
  public static List<List<String>> batch(int size, String... records) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    return env.fromElements(records).flatMap(new Batching(size)).executeAndCollectAll();
  }

  /** An order of {@code amount} in {@code currency}. */
  public record Order(String id, String currency, double amount) {}

  /** What one unit of {@code currency} is worth in euros. */
  public record Rate(String currency, double inEuros) {}

  // [START broadcast-state]
  /** Prices orders in euros with the rates of a broadcast stream; an order waits for its rate. */
  public static final class PriceOrders extends KeyedBroadcastProcessFunction<String, Order, Rate, String> {
    public static final MapStateDescriptor<String, Double> RATES =
        new MapStateDescriptor<>("rates", String.class, Double.class);
    private static final ListStateDescriptor<Order> WAITING = new ListStateDescriptor<>("waiting", Order.class);
    private transient ListState<Order> waiting;

    @Override
    public void open(RuntimeContext ctx) throws Exception {
      super.open(ctx);
      waiting = ctx.getListState(WAITING); // keyed by currency
    }

    @Override
    public void processElement(Order order, ReadOnlyContext<String> ctx, Collector<String> out) throws Exception {
      Double rate = ctx.getBroadcastState(RATES).get(order.currency()); // read-only on this side
      if (rate == null) {
        waiting.add(order);
      } else {
        out.collect(order.id() + ": " + order.amount() * rate + " EUR");
      }
    }

    @Override
    public void processBroadcastElement(Rate rate, Context<String> ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(RATES).put(rate.currency(), rate.inEuros());
      ctx.applyToKeyedState(WAITING, (currency, orders) -> { // every currency with waiting orders
        if (currency.equals(rate.currency())) {
          for (Order order : orders.get()) {
            out.collect(order.id() + ": " + order.amount() * rate.inEuros() + " EUR");
          }
          orders.clear();
        }
      });
    }
  }
  // [END broadcast-state]

  /** Prices the orders with the rates, at parallelism 2. */
  public static List<String> price(List<Order> orders, List<Rate> rates) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    DataStream<Order> orderStream = env.fromData(orders);
    DataStream<Rate> rateUpdates = env.fromData(rates);
    // [START broadcast-job]
    BroadcastStream<Rate> rateStream = rateUpdates.broadcast(PriceOrders.RATES);
    DataStream<String> priced = orderStream
        .keyBy(Order::currency)
        .connect(rateStream)
        .process(new PriceOrders());
    // [END broadcast-job]
    return priced.executeAndCollectAll();
  }
}
