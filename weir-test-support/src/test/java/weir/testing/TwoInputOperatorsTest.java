package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import weir.api.functions.CoProcessFunction;
import weir.api.functions.Collector;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.ProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

class TwoInputOperatorsTest {
  record Order(String customer, int amount) {}

  record Customer(String id, String name) {}

  /** Tags each record with the input it came from and the processing time. */
  static final class TagInputs extends CoProcessFunction<String, Integer, String> {
    @Override
    public void processElement1(String value, ProcessFunction.Context ctx, Collector<String> out) {
      out.collect("1:" + value + "@" + ctx.currentProcessingTime());
    }

    @Override
    public void processElement2(Integer value, ProcessFunction.Context ctx, Collector<String> out) {
      out.collect("2:" + value + "@" + ctx.currentProcessingTime());
    }
  }

  /** Joins orders with the latest customer record of the same key; orders wait for no one. */
  static final class EnrichOrders extends KeyedCoProcessFunction<String, Order, Customer, String> {
    private transient ValueState<String> name;

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      name = context.getState(new ValueStateDescriptor<>("name", String.class));
    }

    @Override
    public void processElement1(Order order, KeyedProcessFunction.Context<String> ctx, Collector<String> out) {
      String known = name.value();
      out.collect(ctx.getCurrentKey() + "/" + (known == null ? "?" : known) + "/" + order.amount());
    }

    @Override
    public void processElement2(Customer customer, KeyedProcessFunction.Context<String> ctx, Collector<String> out) {
      name.update(customer.name());
    }
  }

  @Test
  void when_coProcess_then_eachInputReachesItsMethodInFedOrder() throws Exception {
    try (var harness = FunctionTestHarness.forCoProcess(new TagInputs())) {
      harness.processElement1("a");
      harness.processElement2(1);
      harness.setProcessingTime(7);
      harness.processElement1("b");

      assertThat(harness.output()).containsExactly("1:a@0", "2:1@0", "1:b@7");
    }
  }

  @Test
  void when_keyedCoProcess_then_bothInputsShareTheKeysState() throws Exception {
    try (var harness = FunctionTestHarness.forKeyedCoProcess(
        new EnrichOrders(), Order::customer, Customer::id)) {
      harness.processElement1(new Order("c1", 10));
      harness.processElement2(new Customer("c1", "Ada"));
      harness.processElement2(new Customer("c2", "Bob"));
      harness.processElement1(new Order("c1", 20));
      harness.processElement1(new Order("c2", 30));
      harness.processElement2(new Customer("c1", "Ada L."));
      harness.processElement1(new Order("c1", 40));

      assertThat(harness.output()).containsExactly("c1/?/10", "c1/Ada/20", "c2/Bob/30", "c1/Ada L./40");
      assertThat(harness.<String>keyedState("name", "c1")).isEqualTo("Ada L.");
      assertThat(harness.keyCount("name")).isEqualTo(2);
    }
  }
}
