package weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.graph.JobVertex;
import weir.runtime.operators.OneInputOperator;
import weir.runtime.operators.Output;

/** What the tests of a task's input share: a head that logs what it gets, a task, and a sender. */
final class InputTestSupport {
  private InputTestSupport() {}

  /**
   * A head that logs the records and watermarks it is given, as {@code "wm" + watermark}, and what
   * it is asked to read ahead for, as {@code "ahead " + record + "@" + slot}; it says it reads
   * ahead only with {@code logsReadAhead}, and an input then asks it nothing.
   */
  static final class Head implements OneInputOperator<Object> {
    final List<Object> seen = new ArrayList<>();
    private final boolean logsReadAhead;

    Head(boolean logsReadAhead) {
      this.logsReadAhead = logsReadAhead;
    }

    @Override
    public boolean readsAhead() {
      return logsReadAhead;
    }

    @Override
    public void prefetch(Object record, int slot) {
      seen.add("ahead " + record + "@" + slot);
    }

    @Override
    public void processElement(Object record) {
      seen.add(record);
    }

    @Override
    public void processWatermark(long watermark) {
      seen.add("wm" + watermark);
    }

    @Override
    public void processWatermarkStatus(boolean idle) {}

    @Override
    public String name() {
      return "head";
    }

    @Override
    public Output<?> output() {
      throw new UnsupportedOperationException();
    }
  }

  /** A task of one vertex with no operators, for the input's calls that take one. */
  static StreamTask idleTask() {
    return new StreamTask(new TaskDeployment("job", new JobVertex(1, "v", List.of(), 1, 128, false),
        null, 0, 0, new SpscChannel[0], new int[0], Map.of(), null, Map.of(), Map.of(), null, null, 0, Map.of(), null,
        null, (operator, subtask, letter) -> {}));
  }

  /** Offers {@code elements} to {@code channel} (records with timestamp 7) and publishes them. */
  static void send(SpscChannel channel, Object... elements) {
    for (Object e : elements) {
      assertThat(channel.offer(e, e instanceof ControlEvent ? Long.MIN_VALUE : 7)).isTrue();
    }
    channel.publish();
  }
}
