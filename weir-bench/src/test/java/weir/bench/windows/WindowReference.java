package weir.bench.windows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The window results of a workload computed in a plain loop, without any engine: what every
 * engine's sink must fold to. Keeps every event in memory, so only for small runs.
 */
final class WindowReference {
  private WindowReference() {}

  static ResultChecksum expected(WindowEvents events) {
    return events.workload() == Workload.SLIDING ? sliding(events) : sessions(events);
  }

  private static ResultChecksum sliding(WindowEvents events) {
    long size = Workload.SLIDING_SIZE.toMillis();
    long slide = Workload.SLIDING_SLIDE.toMillis();
    Map<List<Long>, Long> counts = new HashMap<>();
    for (long i = 0; i < events.records(); i++) {
      long ts = events.timestamp(i);
      long lastStart = ts - Math.floorMod(ts, slide);
      for (long start = lastStart; start > ts - size; start -= slide) {
        counts.merge(List.of(events.key(i), start + size), 1L, Long::sum);
      }
    }
    ResultChecksum sums = new ResultChecksum();
    counts.forEach((keyAndEnd, count) -> sums.add(keyAndEnd.get(0), keyAndEnd.get(1), count));
    return sums;
  }

  private static ResultChecksum sessions(WindowEvents events) {
    long gap = Workload.SESSION_GAP.toMillis();
    Map<Long, List<Long>> byKey = new HashMap<>();
    for (long i = 0; i < events.records(); i++) {
      byKey.computeIfAbsent(events.key(i), k -> new ArrayList<>()).add(events.timestamp(i));
    }
    ResultChecksum sums = new ResultChecksum();
    byKey.forEach(
        (key, list) -> {
          long[] ts = list.stream().mapToLong(Long::longValue).toArray();
          Arrays.sort(ts);
          long count = 0;
          long end = Long.MIN_VALUE;
          for (long t : ts) {
            if (count > 0 && t >= end) {
              sums.add(key, end, count);
              count = 0;
            }
            count++;
            end = Math.max(end, t + gap);
          }
          sums.add(key, end, count);
        });
    return sums;
  }
}
