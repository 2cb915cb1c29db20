package weir.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.api.checkpoint.CheckpointConfig;
import weir.api.checkpoint.CheckpointStats;
import weir.runtime.exchange.CheckpointBarrier;

/**
 * Triggers a job's checkpoints and completes them.
 *
 * <h3>A checkpoint's life</h3>
 * Triggering checkpoint n snapshots every source's split enumerator and puts a marker behind the
 * splits already assigned in each reader's mailbox (so a split is in exactly one of the two
 * snapshots); each source subtask snapshots when it reaches the marker and sends barrier n
 * downstream. Every other subtask is triggered too: it starts aligning n, and completes once
 * every input channel delivered barrier n or ended, so subtasks whose inputs ended still take
 * part. Each subtask acknowledges with the synchronous part of its snapshot (operator state
 * written, keyed state frozen copy-on-write); the coordinator's thread serializes the rest and
 * writes it to the checkpoint's folder while the subtask goes on. When all have acknowledged, the metadata is written atomically, the
 * checkpoint is complete, older ones beyond the retained count are deleted, and every subtask
 * (sinks commit then) and every source's split enumerator is notified.
 *
 * <h3>Start of an attempt</h3>
 * No checkpoint is triggered before every subtask of the attempt has initialized (built its
 * operators and restored its state) and said so with {@link #taskInitialized}: a periodic trigger
 * is skipped until then, and a requested checkpoint or savepoint waits. A checkpoint triggered
 * earlier would put a barrier ahead of the first records of the subtasks that are ready, and
 * alignment would hold those records back until the slowest subtask had restored.
 *
 * <h3>Failures</h3>
 * A checkpoint that is declined or times out, or whose attempt fails, is aborted: its folder is
 * deleted and the subtasks are told. More failed checkpoints in a row than tolerated fail the job.
 *
 * <h3>Storage</h3>
 * Every write to and deletion from the checkpoint storage runs on the coordinator's own thread,
 * so the folder of a checkpoint aborted from another thread (a failing attempt) is deleted after
 * any state file being written into it, never while it is written.
 *
 * <h3>Finished subtasks</h3>
 * A subtask whose input ended acknowledges with {@code ended}; once such a checkpoint completes
 * it finishes. Its last snapshot is written again into every later checkpoint, so each
 * checkpoint folder stays self-contained.
 *
 * <p>Thread-safe: called by subtask threads, the client and its own thread.
 */
public final class CheckpointCoordinator implements CheckpointGateway {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

  /** A subtask as the coordinator sees it. */
  public interface Participant {
    int vertexId();

    int subtask();

    /** Starts the checkpoint of {@code barrier} (a mail to the subtask's thread). */
    void triggerCheckpoint(CheckpointBarrier barrier);

    void notifyCheckpointComplete(long id);

    void notifyCheckpointAborted(long id);

    /** Stop-with-savepoint with drain: a source ends its input now; every subtask snapshots as not ended. */
    void drain();
  }

  /** A source's split enumerator as the coordinator sees it. */
  public interface Source {
    String uid();

    /** Snapshots the enumerator and marks the checkpoint of {@code barrier} in every reader's mailbox. */
    CheckpointMetadata.VersionedBytes snapshotForCheckpoint(CheckpointBarrier barrier) throws Exception;

    /** Checkpoint {@code id} is complete; tells the enumerator. */
    void notifyCheckpointComplete(long id);
  }

  /** Where a checkpoint failure that the job does not tolerate goes. */
  public interface FailureHandler {
    void failJob(Throwable cause);
  }

  private record Key(int vertexId, int subtask) {}

  /** A savepoint asked for: the folder to create it under, and who waits for it. */
  private record SavepointRequest(Path directory, boolean stop, CompletableFuture<Path> future) {}

  private final class Pending {
    final long id;
    final long timestamp = System.currentTimeMillis();
    final long startNanos = System.nanoTime();
    final Map<Key, Participant> awaiting = new HashMap<>();
    final Map<Key, StateHandle> handles = new LinkedHashMap<>();
    final Map<Key, byte[]> endedStates = new HashMap<>();
    final Map<String, CheckpointMetadata.VersionedBytes> enumerators = new LinkedHashMap<>();
    final Map<String, CheckpointStats.Subtask> subtaskStats = new LinkedHashMap<>();
    final List<CompletableFuture<Long>> futures = new ArrayList<>();
    final List<SavepointRequest> savepoints = new ArrayList<>();
    long size;
    @Nullable ScheduledFuture<?> timeout;

    Pending(long id) {
      this.id = id;
    }
  }

  private final String jobName;
  private final CheckpointConfig config;
  private final CheckpointStorage storage;
  private final Map<Integer, Integer> parallelism;
  private final FailureHandler failureHandler;
  // the coordinator's thread: every storage access runs on it
  private final ScheduledThreadPoolExecutor executor;
  private final ArrayDeque<Long> retained = new ArrayDeque<>();
  private final Map<Key, byte[]> finished = new HashMap<>();
  private final List<CompletableFuture<Long>> requested = new ArrayList<>();
  private final List<SavepointRequest> requestedSavepoints = new ArrayList<>();
  private final List<CheckpointStats> stats = new ArrayList<>();
  private Map<Key, Participant> participants = Map.of();
  // the subtasks of the current attempt that have not finished initializing
  private final Set<Key> initializing = new HashSet<>();
  private List<Source> sources = List.of();
  private long nextId;
  private long lastCompletedNanos = Long.MIN_VALUE / 2;
  private int consecutiveFailures;
  private int endedInputs;
  private boolean running;
  // stop-with-savepoint with drain asked: no checkpoint starts before every input has ended
  private boolean draining;
  @Nullable private Pending pending;
  @Nullable private ScheduledFuture<?> periodic;

  /**
   * @param nextId the id of the first checkpoint (one past the checkpoint the job resumed from)
   * @param parallelism each vertex's parallelism, recorded in the metadata
   */
  public CheckpointCoordinator(String jobName, CheckpointConfig config, CheckpointStorage storage, long nextId,
      Map<Integer, Integer> parallelism, FailureHandler failureHandler) {
    this.jobName = jobName;
    this.config = config;
    this.storage = storage;
    this.nextId = nextId;
    this.parallelism = parallelism;
    this.failureHandler = failureHandler;
    this.executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "weir-" + jobName + "-checkpoints");
      t.setDaemon(true);
      return t;
    });
    // at shutdown, what is queued (deleting an aborted checkpoint) still runs; timeouts do not
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** The job's checkpoint settings. */
  public CheckpointConfig config() {
    return config;
  }

  /** The checkpoint storage of the job. */
  public CheckpointStorage storage() {
    return storage;
  }

  /** Starts checkpointing an attempt of the job with its subtasks and sources. */
  public synchronized void start(List<? extends Participant> tasks, List<? extends Source> sourceList) {
    Map<Key, Participant> all = new LinkedHashMap<>();
    for (Participant p : tasks) {
      all.put(new Key(p.vertexId(), p.subtask()), p);
    }
    participants = all;
    initializing.clear();
    initializing.addAll(all.keySet());
    finished.clear(); // every subtask runs again, finished ones end at once and acknowledge anew
    sources = List.copyOf(sourceList);
    endedInputs = 0;
    running = true;
    if (config.isCheckpointingEnabled() && periodic == null) {
      long interval = config.getCheckpointInterval().toMillis();
      periodic = executor.scheduleAtFixedRate(this::periodicTrigger, interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  /** Stops the attempt's checkpointing (the attempt failed): a pending checkpoint is aborted. */
  public synchronized void stopAttempt() {
    running = false;
    if (pending != null) {
      abort(pending, "the job is restarting", false);
    }
  }

  /** Shuts the coordinator down for good. */
  public synchronized void shutdown() {
    running = false;
    if (pending != null) {
      abort(pending, "the job ended", false);
    }
    for (CompletableFuture<Long> f : requested) {
      f.completeExceptionally(new IllegalStateException("Job '" + jobName + "' ended before the checkpoint was taken"));
    }
    requested.clear();
    for (SavepointRequest r : requestedSavepoints) {
      r.future().completeExceptionally(new IllegalStateException("Job '" + jobName
          + "' ended before the savepoint was taken"));
    }
    requestedSavepoints.clear();
    executor.shutdown();
  }

  /** Takes a checkpoint as soon as none is in progress. */
  public synchronized CompletableFuture<Long> triggerCheckpoint() {
    CompletableFuture<Long> f = new CompletableFuture<>();
    if (!running) {
      f.completeExceptionally(new IllegalStateException("Job '" + jobName + "' is not running"));
      return f;
    }
    requested.add(f);
    executor.execute(() -> trigger(true));
    return f;
  }

  /**
   * Takes a checkpoint as soon as none is in progress and copies it into a new folder under
   * {@code directory}; completes with that folder.
   */
  public synchronized CompletableFuture<Path> triggerSavepoint(Path directory) {
    return triggerSavepoint(directory, false);
  }

  /**
   * Like {@link #triggerSavepoint(Path)}; with {@code stop}, no checkpoint starts after it, so
   * nothing is committed beyond the savepoint before the job stops.
   */
  public synchronized CompletableFuture<Path> triggerSavepoint(Path directory, boolean stop) {
    CompletableFuture<Path> f = new CompletableFuture<>();
    if (!running) {
      f.completeExceptionally(new IllegalStateException("Job '" + jobName + "' is not running"));
      return f;
    }
    requestedSavepoints.add(new SavepointRequest(directory, stop, f));
    executor.execute(() -> trigger(true));
    return f;
  }

  /**
   * Stops the job with a savepoint after draining it: the sources end their input, event time
   * advances to the end, and the final checkpoint, taken once every input has ended, becomes
   * the savepoint; completes with its folder. A checkpoint in progress is given up, so that the
   * final one is the first after the end of every subtask's input.
   */
  public synchronized CompletableFuture<Path> drainWithSavepoint(Path directory) {
    CompletableFuture<Path> f = new CompletableFuture<>();
    if (!running) {
      f.completeExceptionally(new IllegalStateException("Job '" + jobName + "' is not running"));
      return f;
    }
    requestedSavepoints.add(new SavepointRequest(directory, true, f));
    if (!draining) {
      draining = true;
      if (pending != null) {
        abort(pending, "the job is draining for a savepoint", false);
      }
      for (Participant task : participants.values()) {
        task.drain();
      }
    }
    executor.execute(() -> trigger(true));
    return f;
  }

  /** The figures of the completed checkpoints, oldest first. */
  public synchronized List<CheckpointStats> stats() {
    return List.copyOf(stats);
  }

  /**
   * A subtask of the current attempt has built its operators and restored its state; once every
   * one has, checkpoints may start, and one that was asked for meanwhile is taken at once.
   */
  @Override
  public synchronized void taskInitialized(Participant task) {
    Key key = new Key(task.vertexId(), task.subtask());
    if (participants.get(key) == task && initializing.remove(key) && initializing.isEmpty()
        && (!requested.isEmpty() || !requestedSavepoints.isEmpty())) {
      executor.execute(() -> trigger(true));
    }
  }

  /** A subtask's input ended; when every one's has, the final checkpoint is taken at once. */
  @Override
  public synchronized void inputEnded(Participant task) {
    if (++endedInputs >= participants.size() && config.isCheckpointingEnabled()) {
      executor.execute(() -> trigger(true));
    }
  }

  private void periodicTrigger() {
    trigger(false);
  }

  private synchronized void trigger(boolean now) {
    if (!running || pending != null || participants.isEmpty() || !initializing.isEmpty()
        || (draining && endedInputs < participants.size())) {
      return;
    }
    long pause = config.getMinPauseBetweenCheckpoints().toNanos();
    if (!now && System.nanoTime() - lastCompletedNanos < pause) {
      return;
    }
    Pending p = new Pending(nextId++);
    p.awaiting.putAll(participants);
    p.futures.addAll(requested);
    requested.clear();
    p.savepoints.addAll(requestedSavepoints);
    requestedSavepoints.clear();
    pending = p;
    // savepoints are always aligned: they must restore at any parallelism
    CheckpointBarrier barrier = new CheckpointBarrier(p.id, p.timestamp, config.isUnalignedCheckpointsEnabled() && p.savepoints.isEmpty()
        ? config.getAlignedCheckpointTimeout().toNanos() : CheckpointBarrier.ALIGNED);
    try {
      for (Map.Entry<Key, byte[]> e : finished.entrySet()) {
        StateHandle h = storage.writeState(p.id, e.getKey().vertexId(), e.getKey().subtask(), e.getValue());
        p.handles.put(e.getKey(), h);
        p.size += h.length();
      }
      for (Source s : sources) {
        p.enumerators.put(s.uid(), s.snapshotForCheckpoint(barrier));
      }
    } catch (Exception e) {
      abort(p, "triggering failed: " + e, true);
      return;
    }
    p.timeout = executor.schedule(() -> timeout(p), config.getCheckpointTimeout().toMillis(), TimeUnit.MILLISECONDS);
    for (Participant task : participants.values()) {
      task.triggerCheckpoint(barrier);
    }
  }

  private synchronized void timeout(Pending p) {
    if (pending == p) {
      abort(p, "it did not complete within " + config.getCheckpointTimeout(), true);
    }
  }

  @Override
  public void acknowledge(Participant task, long id, Callable<TaskSnapshot> snapshot, long alignmentNanos,
      long syncNanos) {
    executor.execute(() -> write(task, id, snapshot, alignmentNanos, syncNanos));
  }

  @Override
  public synchronized void decline(Participant task, long id, Throwable cause) {
    if (pending != null && pending.id == id) {
      abort(pending, "subtask " + task.subtask() + " of vertex " + task.vertexId() + " declined: " + cause, true);
    }
  }

  /** Whether checkpoint {@code id} is in progress and still waits for subtask {@code task}. */
  public synchronized boolean awaits(Participant task, long id) {
    return pending != null && pending.id == id && pending.awaiting.containsKey(new Key(task.vertexId(), task.subtask()));
  }

  private void write(Participant task, long id, Callable<TaskSnapshot> pendingSnapshot, long alignmentNanos,
      long syncNanos) {
    if (!awaits(task, id)) {
      return; // aborted meanwhile
    }
    try {
      long start = System.nanoTime();
      Written written = writeSnapshot(storage, id, task.vertexId(), task.subtask(), pendingSnapshot.call());
      acknowledgeWritten(task, id, written, new CheckpointStats.Subtask(alignmentNanos, syncNanos,
          System.nanoTime() - start, written.handle().length()));
    } catch (Exception e) {
      failWriting(task, id, e);
    }
  }

  /**
   * A subtask's state of one checkpoint as written to the storage; {@code endedState} holds the
   * bytes too when the subtask's input ended, so later checkpoints can carry them on.
   */
  public record Written(StateHandle handle, @Nullable byte[] endedState) implements java.io.Serializable {}

  /** Writes a subtask's snapshot of checkpoint {@code id} to {@code storage}. */
  public static Written writeSnapshot(CheckpointStorage storage, long id, int vertexId, int subtask, TaskSnapshot snapshot)
      throws IOException {
    // an ended subtask's state is kept for later checkpoints; any other is streamed to its file
    if (snapshot.ended()) {
      byte[] bytes = snapshot.toBytes();
      return new Written(storage.writeState(id, vertexId, subtask, bytes), bytes);
    }
    return new Written(storage.writeState(id, vertexId, subtask, snapshot::writeTo), null);
  }

  /** Records a subtask's state of checkpoint {@code id}, written by {@link #writeSnapshot}. */
  public synchronized void acknowledgeWritten(Participant task, long id, Written written, CheckpointStats.Subtask figures) {
    Key key = new Key(task.vertexId(), task.subtask());
    Pending p = pending;
    if (p == null || p.id != id || p.awaiting.remove(key) == null) {
      return;
    }
    p.handles.put(key, written.handle());
    p.size += written.handle().length();
    p.subtaskStats.put(key.vertexId() + "/" + key.subtask(), figures);
    if (written.endedState() != null) {
      p.endedStates.put(key, written.endedState());
    }
    if (p.awaiting.isEmpty()) {
      complete(p);
    }
  }

  /** Writing a subtask's state of checkpoint {@code id} failed: the checkpoint is aborted. */
  public synchronized void failWriting(Participant task, long id, Exception e) {
    if (pending != null && pending.id == id) {
      abort(pending, "writing the state of subtask " + task.subtask() + " of vertex " + task.vertexId()
          + " failed: " + e, true);
    }
  }

  private void complete(Pending p) {
    try {
      storage.writeMetadata(new CheckpointMetadata(p.id, p.timestamp, parallelism, new ArrayList<>(p.handles.values()),
          p.enumerators));
    } catch (IOException e) {
      abort(p, "writing its metadata failed: " + e, true);
      return;
    }
    if (p.timeout != null) {
      p.timeout.cancel(false);
    }
    // the savepoints' futures complete only once the checkpoint is recorded as complete: what waits
    // on them may stop the job, which must find no checkpoint pending to abort
    List<Runnable> savepointsDone = new ArrayList<>();
    for (SavepointRequest r : p.savepoints) {
      running &= !r.stop();
      Path folder = r.directory().resolve("savepoint-" + p.id + "-" + Long.toHexString(System.nanoTime()));
      try {
        storage.copyTo(p.id, folder);
        savepointsDone.add(() -> r.future().complete(folder));
        LOG.info("Job '{}': savepoint {} written to {}", jobName, p.id, folder);
      } catch (IOException e) {
        savepointsDone.add(() -> r.future().completeExceptionally(
            new IOException("Cannot write savepoint " + p.id + " to " + folder, e)));
      }
    }
    pending = null;
    consecutiveFailures = 0;
    lastCompletedNanos = System.nanoTime();
    retained.addLast(p.id);
    while (retained.size() > config.getRetainedCheckpoints()) {
      storage.discard(retained.pollFirst());
    }
    CheckpointStats s = new CheckpointStats(p.id, (System.nanoTime() - p.startNanos) / 1_000_000, p.size,
        Collections.unmodifiableMap(p.subtaskStats));
    stats.add(s);
    LOG.info("Job '{}': checkpoint {} complete in {} ms, {} bytes; longest alignment {} µs, synchronous part {} µs, "
        + "asynchronous part {} ms", jobName, p.id, s.durationMillis(), p.size, s.maxAlignmentNanos() / 1000,
        s.maxSyncNanos() / 1000, s.maxAsyncNanos() / 1_000_000);
    // subtasks that acknowledged with their input ended finish once told: carry their state on
    for (Map.Entry<Key, byte[]> e : p.endedStates.entrySet()) {
      finished.put(e.getKey(), e.getValue());
    }
    List<Participant> notify = new ArrayList<>(participants.values());
    if (!p.endedStates.isEmpty()) {
      Map<Key, Participant> left = new LinkedHashMap<>(participants);
      left.keySet().removeAll(p.endedStates.keySet());
      endedInputs = Math.max(0, endedInputs - p.endedStates.size());
      participants = left;
    }
    for (Participant task : notify) {
      task.notifyCheckpointComplete(p.id);
    }
    for (Source source : sources) {
      try {
        source.notifyCheckpointComplete(p.id);
      } catch (RuntimeException e) {
        failureHandler.failJob(new IllegalStateException("The split enumerator of source '" + source.uid()
            + "' failed when told that checkpoint " + p.id + " of job '" + jobName + "' completed", e));
      }
    }
    for (CompletableFuture<Long> f : p.futures) {
      f.complete(p.id);
    }
    savepointsDone.forEach(Runnable::run);
    if (!requested.isEmpty() || !requestedSavepoints.isEmpty() || (!participants.isEmpty() && endedInputs >= participants.size())) {
      executor.execute(() -> trigger(true));
    }
  }

  private void abort(Pending p, String reason, boolean countsAsFailure) {
    if (pending != p) {
      return;
    }
    pending = null;
    if (p.timeout != null) {
      p.timeout.cancel(false);
    }
    // on the coordinator's thread, after any state file of the checkpoint being written there
    executor.execute(() -> storage.discard(p.id));
    LOG.warn("Job '{}': checkpoint {} aborted: {}", jobName, p.id, reason);
    for (Participant task : participants.values()) {
      task.notifyCheckpointAborted(p.id);
    }
    IllegalStateException failure = new IllegalStateException("Checkpoint " + p.id + " of job '" + jobName
        + "' was aborted: " + reason);
    for (SavepointRequest r : p.savepoints) {
      if (countsAsFailure) {
        r.future().completeExceptionally(failure);
      } else {
        requestedSavepoints.add(r);
      }
    }
    if (countsAsFailure) {
      requested.addAll(p.futures);
      p.futures.clear();
      for (CompletableFuture<Long> f : requested) {
        f.completeExceptionally(failure);
      }
      requested.clear();
      if (++consecutiveFailures > config.getTolerableCheckpointFailureNumber()) {
        failureHandler.failJob(new IllegalStateException(consecutiveFailures + " checkpoint(s) in a row failed, more than "
            + "the " + config.getTolerableCheckpointFailureNumber() + " tolerated (setTolerableCheckpointFailureNumber)",
            failure));
      }
    } else {
      requested.addAll(p.futures); // taken again once the job runs
    }
  }
}
