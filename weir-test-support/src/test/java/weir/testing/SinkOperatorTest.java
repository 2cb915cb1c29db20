package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;

class SinkOperatorTest {
  /** What a buffering writer did, seen by the test; the harness uses the sink instance as given. */
  static final class Journal {
    final List<String> written = new ArrayList<>();
    final List<String> events = new ArrayList<>();
  }

  /** Buffers records and writes them to the journal only when flushed. */
  static final class BufferingSink implements Sink<String> {
    private final transient Journal journal;

    BufferingSink(Journal journal) {
      this.journal = journal;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
      journal.events.add("created for subtask " + context.getSubtaskIndex() + " of " + context.getParallelism());
      List<String> buffer = new ArrayList<>();
      return new SinkWriter<>() {
        @Override
        public void write(String element) {
          buffer.add(element);
        }

        @Override
        public void flush(boolean endOfInput) {
          journal.events.add("flush endOfInput=" + endOfInput);
          journal.written.addAll(buffer);
          buffer.clear();
        }

        @Override
        public void close() {
          journal.events.add("closed");
        }
      };
    }
  }

  @Test
  void when_inputEnds_then_writerFlushedOnce_and_closedWithOperator() throws Exception {
    Journal journal = new Journal();
    var harness = FunctionTestHarness.forSink(new BufferingSink(journal), SubtaskSettings.of(1, 3));

    harness.processElement("a");
    harness.processElement("b");
    assertThat(journal.written).isEmpty();

    harness.endInput();
    assertThat(journal.written).containsExactly("a", "b");

    harness.close();
    assertThat(journal.events).containsExactly("created for subtask 1 of 3", "flush endOfInput=true", "closed");
    assertThat(harness.output()).isEmpty();
  }
}
