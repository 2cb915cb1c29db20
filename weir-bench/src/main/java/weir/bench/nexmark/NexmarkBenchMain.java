package weir.bench.nexmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import weir.bench.foundation.BenchArgs;
import weir.bench.foundation.CheckpointProbes;
import weir.bench.foundation.CheckpointSettings;
import weir.bench.source.ReaderClock;

/**
 * Runs one Nexmark query on one engine in this JVM and prints one machine-readable line:
 *
 * <pre>
 * RESULT engine=weir query=q5 events=10000000 parallelism=2 seconds=… eventsPerSec=… cpuSeconds=…
 *     eventsPerCpuSec=… peakRssMb=… startupMs=… rows=… digest=… checkpoints=… p50Us=… p99Us=…
 *     p999Us=… latencySamples=… wallMs=…
 * </pre>
 *
 * <p>(one line in the output). {@code seconds} runs from the first event read to the last row at
 * the sink; {@code cpuSeconds} is the process's CPU time over the same span; {@code peakRssMb} is
 * the process's peak resident set ({@code VmHWM}). {@code digest} must be equal for both engines
 * given the same arguments ({@code bench/nexmark.sh} compares them), except for q12, whose result
 * depends on processing time. The latency percentiles are given in latency mode ({@code --pace}),
 * for the queries that measure it (q5, q7), and are {@code -} otherwise; {@code latencySamples}
 * counts the rows they are taken over: those due after the warm-up ({@code --latency-warmup}).
 *
 * <p>Usage: see {@link #USAGE}.
 */
public final class NexmarkBenchMain {
  private static final String USAGE =
      "usage: NexmarkBenchMain --engine weir|flink --query qN [--events N] [--parallelism P]\n"
          + "    [--event-rate R] [--pace R] [--watermark-delay D] [--watermark-interval D]\n"
          + "    [--latency-warmup D] [--checkpoint-interval D] [--seed S]\n"
          + "  --events              events to generate (default 10000000)\n"
          + "  --event-rate          events per second of event time (default 100000)\n"
          + "  --pace                latency mode: the source is held to this many events per second of\n"
          + "                        wall-clock time (default 0, off)\n"
          + "  --watermark-delay     bounded out-of-orderness of the watermarks (default 4s, 0 with --pace)\n"
          + "  --watermark-interval  periodic watermark interval (default 200ms, 5ms with --pace)\n"
          + "  --latency-warmup      latency mode: rows due within D of the first event are not measured\n"
          + "                        (default 5s)\n"
          + "  --checkpoint-interval exactly-once checkpoints every D, 0 for none (default 10s)\n"
          + "  durations: 0, or a number with ms, s or m";

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  private NexmarkBenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchArgs options = BenchArgs.parse(USAGE, args, "--engine", "--query", "--events", "--parallelism",
        "--event-rate", "--pace", "--watermark-delay", "--watermark-interval", "--latency-warmup",
        "--checkpoint-interval", "--seed");
    String engine = options.required("--engine");
    if (!engine.equals("weir") && !engine.equals("flink")) {
      options.fail("--engine must be weir or flink, got " + engine);
    }
    NexmarkQuery query = NexmarkQuery.byName(options.required("--query"));
    if (query == null) {
      options.fail("--query must name a Nexmark query, q0 to q22, got " + options.required("--query"));
    }
    long events = options.positive("--events", 10_000_000L);
    int parallelism = Math.toIntExact(options.positive("--parallelism", 2));
    long pace = options.has("--pace") ? options.positive("--pace", 0) : 0;
    long eventRate = options.positive("--event-rate", 100_000L);
    Duration watermarkDelay = duration(options, "--watermark-delay", pace > 0 ? Duration.ZERO : Duration.ofSeconds(4));
    Duration watermarkInterval =
        duration(options, "--watermark-interval", pace > 0 ? Duration.ofMillis(5) : Duration.ofMillis(200));
    Duration latencyWarmup = duration(options, "--latency-warmup", Duration.ofSeconds(5));
    Duration checkpointInterval = duration(options, "--checkpoint-interval", Duration.ofSeconds(10));
    long seed = options.has("--seed") ? Long.parseLong(options.required("--seed")) : 42;

    NexmarkModel model = new NexmarkModel(NexmarkModel.Config.defaults(seed, eventRate));
    CheckpointSettings checkpoints =
        checkpointInterval.isZero() ? null : CheckpointSettings.inTemporaryFolder(checkpointInterval);
    Path output = Files.createTempDirectory("weir-bench-nexmark-");
    NexmarkRun run = new NexmarkRun(query, model, events, parallelism, pace, watermarkDelay, watermarkInterval,
        latencyWarmup, checkpoints, output);

    NexmarkProbes.reset();
    CheckpointProbes.reset();
    long executeCalled = System.nanoTime();
    try {
      if (engine.equals("weir")) {
        WeirNexmark.run(run);
      } else {
        FlinkNexmark.run(run);
      }
      if (query.writesFiles()) {
        // the rows are the committed files, complete when the job has ended
        long end = System.nanoTime();
        long endCpu = ReaderClock.processCpuNanos();
        ResultDigest files = new ResultDigest(new ResultDigest.Spec(query, run.originEventTime(), eventRate, 0, 0));
        Queries.q10Rows(output).forEach(files::add);
        NexmarkProbes.publish(files, end, endCpu);
      }
    } finally {
      if (checkpoints != null) {
        checkpoints.deleteDirectory();
      }
      deleteTree(output);
    }
    long wallNanos = System.nanoTime() - executeCalled;
    long first = ReaderClock.firstEventNanos();
    long end = NexmarkProbes.endNanos();
    if (first == 0 || end <= first || NexmarkProbes.subtasks() < 1) {
      System.err.printf("FAILED engine=%s query=%s: the probes did not fire (first=%d, end=%d, sinks=%d)%n",
          engine, query.label(), first, end, NexmarkProbes.subtasks());
      System.exit(2);
    }
    double seconds = (end - first) / 1e9;
    double cpuSeconds = (NexmarkProbes.endCpuNanos() - ReaderClock.firstEventCpuNanos()) / 1e9;
    Histogram latencies = NexmarkProbes.latencies();
    System.out.println(String.format(Locale.ROOT,
        "RESULT engine=%s query=%s events=%d parallelism=%d seconds=%.3f eventsPerSec=%.0f cpuSeconds=%.3f"
            + " eventsPerCpuSec=%.0f peakRssMb=%d startupMs=%.1f rows=%d digest=%s checkpoints=%d"
            + " p50Us=%s p99Us=%s p999Us=%s latencySamples=%d wallMs=%.1f",
        engine, query.label(), events, parallelism, seconds, events / seconds, cpuSeconds, events / cpuSeconds,
        peakRssMb(), (first - executeCalled) / 1e6, NexmarkProbes.rows(),
        query.digested() ? String.format("%016x", NexmarkProbes.digest()) : "-",
        CheckpointProbes.completed(), percentile(latencies, 50), percentile(latencies, 99),
        percentile(latencies, 99.9), latencies == null ? 0 : latencies.getTotalCount(), wallNanos / 1e6));
    // Engines may leave non-daemon threads behind (RPC, executors); the run is over.
    System.exit(0);
  }

  private static String percentile(Histogram latencies, double p) {
    return latencies == null || latencies.getTotalCount() == 0
        ? "-" : Long.toString(latencies.getValueAtPercentile(p));
  }

  /** The duration {@code flag} gives: 0, or a whole number with ms, s or m. */
  private static Duration duration(BenchArgs options, String flag, Duration fallback) {
    if (!options.has(flag)) {
      return fallback;
    }
    String text = options.required(flag);
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      options.fail(flag + " must be 0 or a whole number with ms, s or m (like 200ms or 10s), got " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  private static void deleteTree(Path directory) throws IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The process's peak resident set in MiB, from {@code /proc/self/status}; -1 where there is none. */
  private static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: no figure
    }
    return -1;
  }
}
