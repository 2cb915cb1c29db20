package weir.cluster.taskmanager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import weir.cluster.rpc.SubtaskStats;
import weir.runtime.task.StreamTask;

/**
 * Samples the subtasks running on this TaskManager: backpressure as the share of recent samples
 * in which one of a subtask's output channels was full (Flink's sampling approach: nothing is
 * timed on the subtask's thread), and its element counts and watermark. The latest figures go to
 * the JobManager with each heartbeat and to Prometheus as per-subtask gauges.
 */
final class SubtaskMonitor {
  /** A subtask of an attempt and its task. */
  record Running(String jobId, int attempt, String vertexName, StreamTask task) {}

  // samples kept per subtask: with one sample each 100 ms, the backpressure of the last 2 s
  private static final int WINDOW = 20;

  private final Supplier<List<Running>> running;
  private final Map<StreamTask, boolean[]> windows = new HashMap<>();
  private final Map<StreamTask, Integer> positions = new HashMap<>();
  private final MultiGauge elementsIn;
  private final MultiGauge elementsOut;
  private final MultiGauge backpressure;
  private final MultiGauge watermark;
  private volatile List<SubtaskStats> latest = List.of();

  SubtaskMonitor(Supplier<List<Running>> running, MeterRegistry meters) {
    this.running = running;
    this.elementsIn = MultiGauge.builder("weir.subtask.elements.in")
        .description("elements (records and in-band events) a subtask took from its input channels").register(meters);
    this.elementsOut = MultiGauge.builder("weir.subtask.elements.out")
        .description("elements a subtask published to its output channels").register(meters);
    this.backpressure = MultiGauge.builder("weir.subtask.backpressure")
        .description("share of the last 2 s in which an output channel of the subtask was full").register(meters);
    this.watermark = MultiGauge.builder("weir.subtask.watermark")
        .description("a subtask's input watermark, in ms since the epoch").register(meters);
  }

  /** Takes one sample of every running subtask; called every 100 ms from one thread. */
  synchronized void sample() {
    List<Running> now = running.get();
    List<SubtaskStats> stats = new ArrayList<>(now.size());
    List<MultiGauge.Row<?>> in = new ArrayList<>();
    List<MultiGauge.Row<?>> out = new ArrayList<>();
    List<MultiGauge.Row<?>> pressure = new ArrayList<>();
    List<MultiGauge.Row<?>> marks = new ArrayList<>();
    Map<StreamTask, boolean[]> alive = new HashMap<>();
    for (Running r : now) {
      StreamTask.Stats s = r.task().stats();
      boolean[] window = windows.computeIfAbsent(r.task(), t -> new boolean[WINDOW]);
      int position = positions.merge(r.task(), 1, Integer::sum);
      window[position % WINDOW] = s.backpressured();
      alive.put(r.task(), window);
      int full = 0;
      for (boolean b : window) {
        full += b ? 1 : 0;
      }
      double ratio = (double) full / Math.min(WINDOW, position);
      int vertexId = r.task().deployment().vertex().id();
      int subtask = r.task().deployment().subtaskIndex();
      stats.add(SubtaskStats.newBuilder().setJobId(r.jobId()).setAttempt(r.attempt()).setVertexId(vertexId)
          .setSubtask(subtask).setElementsIn(s.elementsIn()).setElementsOut(s.elementsOut()).setBackpressure(ratio)
          .setWatermark(s.watermark()).build());
      Tags tags = Tags.of("job", r.jobId(), "vertex", r.vertexName(), "subtask", Integer.toString(subtask));
      in.add(MultiGauge.Row.of(tags, s.elementsIn()));
      out.add(MultiGauge.Row.of(tags, s.elementsOut()));
      pressure.add(MultiGauge.Row.of(tags, ratio));
      marks.add(MultiGauge.Row.of(tags, s.watermark() == Long.MIN_VALUE ? Double.NaN : s.watermark()));
    }
    windows.keySet().retainAll(alive.keySet());
    positions.keySet().retainAll(alive.keySet());
    elementsIn.register(in, true);
    elementsOut.register(out, true);
    backpressure.register(pressure, true);
    watermark.register(marks, true);
    latest = List.copyOf(stats);
  }

  /** The figures of the latest sample. */
  List<SubtaskStats> latest() {
    return latest;
  }
}
