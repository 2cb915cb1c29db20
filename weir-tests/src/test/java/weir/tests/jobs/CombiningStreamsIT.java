package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.CoMapFunction;
import weir.api.functions.Collector;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.tests.support.CollectingSink;

/** Jobs with more than one input: union, connect with a co-map, keyed connect with shared state. */
class CombiningStreamsIT {
  public record Deposit(String account, long amount) implements Serializable {}

  public record Withdrawal(String account, long amount) implements Serializable {}

  public record Balance(String account, long balance, long operations) implements Serializable {}

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_unionOfTwoSources_then_everyRecordOfBothArrivesOnce(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<Long>()) {
      var low = env.fromSequence(1, 1_000);
      var high = env.fromSequence(1_001, 2_500).setParallelism(Math.max(1, parallelism / 2));
      low.union(high).map(x -> x * 10).sinkTo(sink);
      env.execute("union");

      assertThat(sink.values()).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, 2_500).map(x -> x * 10).boxed().toList());
    }
  }

  /** Prefixes numbers with "n" and words with "w". */
  static final class Prefixer implements CoMapFunction<Long, String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String map1(Long value) {
      return "n" + value;
    }

    @Override
    public String map2(String value) {
      return "w" + value;
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_connectedWithCoMap_then_eachInputGoesThroughItsOwnMethod(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<String>()) {
      var numbers = env.fromSequence(1, 300);
      var words = env.fromElements("a", "b", "c", "d", "e");
      numbers.connect(words).map(new Prefixer()).sinkTo(sink);
      env.execute("connect-co-map");

      List<String> expected = new java.util.ArrayList<>();
      LongStream.rangeClosed(1, 300).forEach(n -> expected.add("n" + n));
      List.of("a", "b", "c", "d", "e").forEach(w -> expected.add("w" + w));
      assertThat(sink.values()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** Keeps one balance per account that both inputs update. */
  static final class Ledger extends KeyedCoProcessFunction<String, Deposit, Withdrawal, Balance> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Balance> balance;

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      balance = context.getState(new ValueStateDescriptor<>("balance", Balance.class));
    }

    @Override
    public void processElement1(Deposit d, KeyedProcessFunction.Context<String> ctx, Collector<Balance> out)
        throws Exception {
      apply(ctx.getCurrentKey(), d.amount(), out);
    }

    @Override
    public void processElement2(Withdrawal w, KeyedProcessFunction.Context<String> ctx, Collector<Balance> out)
        throws Exception {
      apply(ctx.getCurrentKey(), -w.amount(), out);
    }

    private void apply(String account, long delta, Collector<Balance> out) throws Exception {
      Balance current = balance.value();
      Balance next = current == null
          ? new Balance(account, delta, 1)
          : new Balance(account, current.balance() + delta, current.operations() + 1);
      balance.update(next);
      out.collect(next);
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_keyedConnect_then_bothInputsShareTheKeysState(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<Balance>()) {
      var deposits = env.fromSequence(0, 1_999).map(i -> new Deposit("acct-" + i % 13, 10 + i % 7));
      var withdrawals = env.fromSequence(0, 999).map(i -> new Withdrawal("acct-" + i % 11, 3 + i % 5));
      deposits.connect(withdrawals)
          .keyBy(Deposit::account, Withdrawal::account)
          .process(new Ledger())
          .sinkTo(sink);
      env.execute("keyed-connect");

      // the record with the most operations per account is the last one: it saw both inputs whole
      Map<String, Balance> last = sink.values().stream()
          .collect(Collectors.toMap(Balance::account, b -> b, (a, b) -> a.operations() >= b.operations() ? a : b));
      Map<String, Balance> expected = new HashMap<>();
      for (long i = 0; i < 2_000; i++) {
        expected.merge("acct-" + i % 13, new Balance("acct-" + i % 13, 10 + i % 7, 1), CombiningStreamsIT::add);
      }
      for (long i = 0; i < 1_000; i++) {
        expected.merge("acct-" + i % 11, new Balance("acct-" + i % 11, -(3 + i % 5), 1), CombiningStreamsIT::add);
      }
      assertThat(last).isEqualTo(expected);
      assertThat(sink.count()).isEqualTo(3_000);
    }
  }

  private static Balance add(Balance a, Balance b) {
    return new Balance(a.account(), a.balance() + b.balance(), a.operations() + b.operations());
  }
}
