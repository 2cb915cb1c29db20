package weir.tests.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobClient;
import weir.api.environment.JobExecutionException;
import weir.api.environment.JobStatus;
import weir.tests.support.SharedCounter;

/**
 * A slow sink slows an unbounded source down instead of letting records pile up: the number of
 * records emitted but not yet written stays bounded by what the exchanges and one input batch
 * can hold. No timing is asserted, only the in-flight count.
 */
class BackpressureIT {
  private static final int CAPACITY = 64;
  private static final int SINK_PARALLELISM = 2;
  /** A source polls at most 4 reader batches of 1024 records before it checks for backpressure. */
  private static final int SOURCE_BATCH_SLACK = 4 * 1024;

  /** Counts and then parks about a millisecond per record: a sink slower than any source. */
  static final class SlowSink implements Sink<Long> {
    private static final long serialVersionUID = 1L;
    private final SharedCounter written;

    SlowSink(SharedCounter written) {
      this.written = written;
    }

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Long element) {
          written.increment();
          LockSupport.parkNanos(1_000_000);
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  @Test
  void when_sinkIsSlow_then_recordsInFlightStayBoundedByTheExchanges() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    env.getConfig().setExchangeCapacity(CAPACITY);
    try (var emitted = new SharedCounter(); var written = new SharedCounter()) {
      env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE), "unbounded")
          .map(x -> {
            emitted.increment();
            return x;
          })
          .rebalance()
          .sinkTo(new SlowSink(written)).setParallelism(SINK_PARALLELISM).blocking();
      JobClient job = env.executeAsync("backpressure");
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> written.get() > 100);
        List<Long> inFlight = new ArrayList<>();
        for (int sample = 0; sample < 20; sample++) {
          long w = written.get();
          long e = emitted.get(); // read after written, so e - w never undercounts
          inFlight.add(e - w);
          LockSupport.parkNanos(10_000_000);
        }

        // 1 producer x 2 channels of CAPACITY records, the producer's overflow of one batch, and
        // a record being written per sink subtask
        long bound = (long) SINK_PARALLELISM * CAPACITY + SOURCE_BATCH_SLACK + SINK_PARALLELISM;
        assertThat(inFlight).as("records emitted but not yet written, sampled").allSatisfy(n -> assertThat(n).isBetween(0L, bound));
        assertThat(job.getJobStatus()).isEqualTo(JobStatus.RUNNING);
      } finally {
        job.cancel();
      }
      assertThatThrownBy(job::await).isInstanceOf(JobExecutionException.class);
      assertThat(job.getJobStatus()).isEqualTo(JobStatus.CANCELED);
    }
  }
}
