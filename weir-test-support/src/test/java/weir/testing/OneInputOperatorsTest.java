package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.datastream.OutputTag;
import weir.api.functions.AbstractRichFunction;
import weir.api.functions.Collector;
import weir.api.functions.MapFunction;
import weir.api.functions.ProcessFunction;

class OneInputOperatorsTest {
  private static final OutputTag<String> REJECTED = OutputTag.of("rejected", String.class);

  /** Parses numbers; sends what does not parse to a side output. */
  static final class ParseOrReject extends ProcessFunction<String, Integer> {
    @Override
    public void processElement(String value, Context ctx, Collector<Integer> out) {
      try {
        out.collect(Integer.parseInt(value));
      } catch (NumberFormatException e) {
        ctx.output(REJECTED, value);
      }
    }
  }

  /** Emits the subtask it runs in and counts records; remembers open and close. */
  static final class SubtaskTagger extends AbstractRichFunction implements MapFunction<String, String> {
    boolean opened;
    boolean closed;

    @Override
    public void open(weir.api.functions.RuntimeContext context) throws Exception {
      super.open(context);
      opened = true;
    }

    @Override
    public String map(String value) {
      getRuntimeContext().getCounter("seen").inc();
      var rc = getRuntimeContext();
      return value + "@" + rc.getSubtaskIndex() + "/" + rc.getParallelism() + "/" + rc.getMaxParallelism();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void when_map_then_oneOutputPerRecordInOrder() throws Exception {
    try (var harness = FunctionTestHarness.forMap((String s) -> s.length())) {
      harness.processElement("weir");
      harness.processElements(List.of("a", "flink"));

      assertThat(harness.output()).containsExactly(4, 1, 5);
    }
  }

  @Test
  void when_mapReturnsNull_then_nullKeptInOutput() throws Exception {
    try (var harness = FunctionTestHarness.forMap((String s) -> s.isEmpty() ? null : s)) {
      harness.processElements(List.of("a", "", "b"));

      assertThat(harness.output()).containsExactly("a", null, "b");
    }
  }

  @Test
  void when_flatMap_then_zeroOrMoreOutputsPerRecord() throws Exception {
    try (var harness = FunctionTestHarness.forFlatMap((String line, Collector<String> out) -> {
      for (String word : line.split(" ")) {
        if (!word.isEmpty()) {
          out.collect(word);
        }
      }
    })) {
      harness.processElements(List.of("to be", "", "or not"));

      assertThat(harness.output()).containsExactly("to", "be", "or", "not");
    }
  }

  @Test
  void when_filter_then_onlyAcceptedRecordsPass() throws Exception {
    try (var harness = FunctionTestHarness.forFilter((Integer x) -> x % 2 == 0)) {
      harness.processElements(List.of(1, 2, 3, 4));

      assertThat(harness.output()).containsExactly(2, 4);
    }
  }

  @Test
  void when_processEmitsToSideOutput_then_mainAndSideSeparated() throws Exception {
    try (var harness = FunctionTestHarness.forProcess(new ParseOrReject())) {
      harness.processElements(List.of("1", "x", "2", "y"));

      assertThat(harness.output()).containsExactly(1, 2);
      assertThat(harness.sideOutput(REJECTED)).containsExactly("x", "y");
      assertThat(harness.sideOutput(OutputTag.of("other", String.class))).isEmpty();
    }
  }

  @Test
  void when_processingTimeSet_then_contextReturnsIt() throws Exception {
    ProcessFunction<String, Long> stamp = new ProcessFunction<>() {
      @Override
      public void processElement(String value, Context ctx, Collector<Long> out) {
        out.collect(ctx.currentProcessingTime());
      }
    };
    try (var harness = FunctionTestHarness.forProcess(stamp)) {
      harness.processElement("a");
      harness.setProcessingTime(1_000);
      harness.processElement("b");
      harness.setProcessingTime(5_000);
      harness.processElement("c");

      assertThat(harness.output()).containsExactly(0L, 1_000L, 5_000L);
      assertThat(harness.currentProcessingTime()).isEqualTo(5_000L);
    }
  }

  @Test
  void when_takeOutput_then_laterReadsSeeOnlyNewRecords() throws Exception {
    try (var harness = FunctionTestHarness.forMap((Integer x) -> x + 1)) {
      harness.processElement(1);
      assertThat(harness.takeOutput()).containsExactly(2);

      harness.processElement(2);

      assertThat(harness.output()).containsExactly(3);
    }
  }

  @Test
  void when_richFunction_then_openedWithSubtaskSettingsAndClosedOnce() throws Exception {
    SubtaskTagger tagger = new SubtaskTagger();
    var harness = FunctionTestHarness.forMap(tagger, SubtaskSettings.of(2, 4).withMaxParallelism(16));
    assertThat(tagger.opened).isTrue();

    harness.processElement("x");
    harness.processElement("y");
    harness.close();
    harness.close();

    assertThat(harness.output()).containsExactly("x@2/4/16", "y@2/4/16");
    assertThat(harness.counter("seen")).isEqualTo(2);
    assertThat(harness.counter("never")).isZero();
    assertThat(tagger.closed).isTrue();
  }

  @Test
  void when_functionThrows_then_exceptionReachesCaller() throws Exception {
    try (var harness = FunctionTestHarness.forMap((String s) -> Integer.parseInt(s))) {
      assertThatThrownBy(() -> harness.processElement("x")).isInstanceOf(NumberFormatException.class);
    }
  }

  @Test
  void when_fedAfterClose_then_failsClearly() throws Exception {
    var harness = FunctionTestHarness.forMap((String s) -> s);
    harness.close();

    assertThatThrownBy(() -> harness.processElement("x"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'Map' is closed");
  }

  @Test
  void when_keyedStateAskedOfNonKeyedOperator_then_failsClearly() throws Exception {
    try (var harness = FunctionTestHarness.forMap((String s) -> s)) {
      assertThatThrownBy(() -> harness.keyedState("count", "a"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("'Map' is not keyed");
    }
  }

  @Test
  void when_subtaskSettingsInvalid_then_rejected() {
    assertThatThrownBy(() -> SubtaskSettings.of(4, 4)).hasMessageContaining("subtaskIndex must be between 0 and 3");
    assertThatThrownBy(() -> SubtaskSettings.of(0, 8).withMaxParallelism(4))
        .hasMessageContaining("parallelism must be between 1 and maxParallelism=4");
  }
}
