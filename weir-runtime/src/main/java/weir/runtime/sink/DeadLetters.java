package weir.runtime.sink;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.api.connector.sink.lib.DeadLetter;

/**
 * Where the dead letters of a job's subtasks go: embedded, into a {@link Log} of the job; on a
 * cluster, to the JobManager, which keeps such a log. Thread-safe.
 */
@FunctionalInterface
public interface DeadLetters {
  /** A dead letter from subtask {@code subtask} of the sink {@code operator}. */
  void send(String operator, int subtask, DeadLetter letter);

  /** A dead letter as kept: when it came, from where, the record and its error. */
  record Entry(String at, String operator, int subtask, String record, String error) {}

  /** The latest dead letters of a job, each also logged; older ones beyond the capacity are dropped. */
  final class Log implements DeadLetters {
    /** How many a job keeps. */
    public static final int CAPACITY = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final String jobName;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long dropped;

    public Log(String jobName) {
      this.jobName = jobName;
    }

    @Override
    public void send(String operator, int subtask, DeadLetter letter) {
      add(new Entry(Instant.now().toString(), operator, subtask, letter.record(), letter.error()));
    }

    /** Keeps {@code entry}, which another process may have made. */
    public synchronized void add(Entry entry) {
      LOG.warn("Job '{}': dead letter from {} ({}): {} -- {}", jobName, entry.operator(), entry.subtask() + 1,
          entry.error(), entry.record());
      if (entries.size() == CAPACITY) {
        entries.pollFirst();
        dropped++;
      }
      entries.addLast(entry);
    }

    /** The dead letters kept, oldest first. */
    public synchronized List<Entry> entries() {
      return new ArrayList<>(entries);
    }

    /** How many older dead letters were dropped to keep the latest {@link #CAPACITY}. */
    public synchronized long dropped() {
      return dropped;
    }
  }
}
