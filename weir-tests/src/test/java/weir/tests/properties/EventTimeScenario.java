package weir.tests.properties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import weir.tests.support.PartitionedSource.Event;
import weir.tests.support.PartitionedSource.Partition;

/**
 * One random event-time scenario: the parameters of the operators under test, and the partitions
 * of a {@link weir.tests.support.PartitionedSource} built so that which records are late does not
 * depend on how partitions and exchanges interleave (see {@link EventTimeOracleIT} for the
 * argument).
 *
 * <p>Every partition has a role. A <em>busy</em> partition emits phase A (timestamps rising from
 * {@link #start} to about the gate watermark, each at most its partition's disorder behind the
 * highest before it), then a jump record at {@code gate + delay + 1} that moves its watermark to
 * exactly the gate, then holds until the release file exists, then emits phase B. A <em>quiet</em>
 * partition emits a shorter phase A, is marked idle by its generator after its last record, and
 * holds until the release file exists. A <em>waking</em> partition is quiet, then after the release
 * emits a phase B too: it becomes active again with a watermark far behind the gate. A
 * <em>finished</em> partition emits a shorter phase A and ends. Phase B holds, per key, the records
 * of one busy or waking partition (the key's home), with timestamps anywhere from well below the
 * gate to {@code gate + delay + 1}.
 *
 * <p>A waking partition {@code p} shares its reader with busy partition {@code p - 4} at
 * parallelism 1, 2 and 4, and emits fewer phase B records, so that its reader stays active while
 * it wakes: the source subtask's watermark then stays at the gate. A whole subtask that goes idle
 * and wakes is another matter: downstream, its channel counts again only once its watermark has
 * caught up, and if the other channels have ended by then the watermark may have moved on to the
 * end of input, so whether its records are late would depend on timing.
 */
final class EventTimeScenario {
  enum Role { BUSY, QUIET, FINISHED, WAKING }

  /**
   * Which edge the gate watermark falls on, if any: windows whose last millisecond is the gate
   * fire exactly when it is reached, and windows whose last millisecond plus the lateness is the
   * gate are discarded exactly then. Otherwise a window would meet the gate only by chance.
   */
  enum Alignment {
    NONE, TUMBLING_END, SLIDING_END, TUMBLING_DISCARD, SLIDING_DISCARD;

    /** The nearest gate at or below {@code around} on this edge. */
    long align(EventTimeScenario s, long around) {
      if (this == NONE) {
        return around;
      }
      boolean tumbling = this == TUMBLING_END || this == TUMBLING_DISCARD;
      long period = tumbling ? s.tumblingSize : s.slide;
      long end = tumbling ? s.tumblingOffset : s.slidingOffset + s.slidingSize;
      // windows end at `end` plus multiples of the period; their last millisecond is one before
      long edge = end - 1 + (this == TUMBLING_DISCARD || this == SLIDING_DISCARD ? s.lateness : 0);
      return around - Math.floorMod(around - edge, period);
    }
  }

  final long seed;
  final Alignment alignment;
  /** The bounded out-of-orderness of the watermark strategy. */
  final long delay;
  /** The watermark every subtask holds while phase B is read. */
  final long gate;
  /** The allowed lateness of the window variants that have one. */
  final long lateness;
  final long start;
  final long tumblingSize;
  final long tumblingOffset;
  final long slidingSize;
  final long slide;
  final long slidingOffset;
  final long gap;
  final long joinLower;
  final long joinUpper;
  final boolean lowerExclusive;
  final boolean upperExclusive;
  final List<Role> roles = new ArrayList<>();
  /** Phase A of all partitions (the jump records included). */
  final List<Event> phaseA = new ArrayList<>();
  /** Phase B by key, each in the order its home partition emits it. */
  final Map<String, List<Event>> phaseB = new LinkedHashMap<>();
  /** For each quiet or waking partition, after how many records its generator marks it idle. */
  final Map<Integer, Integer> quietAfter = new HashMap<>();
  private final List<List<Event>> events = new ArrayList<>();
  private final List<Integer> holdAt = new ArrayList<>();
  private final SplittableRandom random;
  private final List<String> keys = new ArrayList<>();
  private final Map<String, Set<Long>> phaseATimestamps = new HashMap<>();

  EventTimeScenario(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    delay = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(80);
    lateness = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(150);
    start = random.nextInt(500) - 300;
    tumblingSize = random.nextInt(4) == 0 ? 1 + random.nextInt(8) : 20 + random.nextInt(150);
    tumblingOffset = random.nextInt((int) tumblingSize * 2 - 1) - (tumblingSize - 1);
    slide = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 10 + random.nextInt(50);
    slidingSize = slide + 1 + random.nextInt((int) slide * 3);
    slidingOffset = random.nextInt((int) slide * 2 - 1) - (slide - 1);
    alignment = Alignment.values()[random.nextInt(Alignment.values().length)];
    gate = alignment.align(this, 1_500 + random.nextInt(1_500));
    gap = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 5 + random.nextInt(60);
    joinLower = random.nextInt(70) - 40;
    joinUpper = joinLower + random.nextInt(40);
    boolean lowerEx = random.nextBoolean();
    boolean upperEx = random.nextBoolean();
    // an interval left without a millisecond is refused when the job is built
    boolean empty = joinUpper - joinLower < (lowerEx ? 1 : 0) + (upperEx ? 1 : 0);
    lowerExclusive = lowerEx && !empty;
    upperExclusive = upperEx && !empty;
    int keyCount = random.nextInt(5) == 0 ? 1 : 2 + random.nextInt(7);
    for (int k = 0; k < keyCount; k++) {
      keys.add("k" + k);
    }
    int partitions = 4 + random.nextInt(4);
    for (int p = 0; p < partitions; p++) {
      // two busy partitions and a quiet one always; the rest at random, waking ones only where
      // they share their reader with busy partition p - 4 at every parallelism up to 4
      Role role = p < 2 ? Role.BUSY : p == 2 ? Role.QUIET : Role.values()[random.nextInt(p < 4 || p > 5 ? 3 : 4)];
      roles.add(role);
      events.add(phaseA(p, role));
      holdAt.add(events.get(p).size());
      if (role == Role.QUIET || role == Role.WAKING) {
        quietAfter.put(p, events.get(p).size());
      }
    }
    addPhaseB();
  }

  private List<Event> phaseA(int partition, Role role) {
    int count = role == Role.BUSY ? 150 + random.nextInt(250) : 20 + random.nextInt(100);
    long end = role == Role.BUSY ? gate : start + (gate - start) * (20 + random.nextInt(50)) / 100;
    long disorder = delay == 0 ? 0 : random.nextInt((int) delay + 1);
    List<Event> list = new ArrayList<>();
    List<Long> planted = role == Role.BUSY ? joinEdges() : new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long base = start + (end - start) * i / count;
      // a planted record before the first base above it: at most `disorder` behind the records before
      while (!planted.isEmpty() && planted.get(0) < base) {
        plant(list, planted.remove(0), partition);
      }
      // at most `disorder` behind the highest timestamp before it, and below end + disorder
      long ts = base + (disorder == 0 ? 0 : random.nextInt((int) disorder + 1));
      String key = phaseAKey(ts);
      if (key != null) {
        list.add(recordA(key, ts, partition));
      }
    }
    while (!planted.isEmpty()) {
      plant(list, planted.remove(0), partition);
    }
    if (role == Role.BUSY) {
      // its watermark becomes gate + delay + 1 - delay - 1: exactly the gate
      long jump = gate + delay + 1;
      String key = phaseAKey(jump);
      list.add(recordA(key != null ? key : "jump", jump, partition));
    }
    return list;
  }

  /**
   * The timestamps where a phase A record is kept in the join's buffer until the watermark is
   * exactly the gate and no longer, in ascending order: a left record at {@code gate - upper}, a
   * right one at {@code gate + lower} (inclusive bounds), if phase A can hold them.
   */
  private List<Long> joinEdges() {
    long lower = joinLower + (lowerExclusive ? 1 : 0);
    long upper = joinUpper - (upperExclusive ? 1 : 0);
    List<Long> edges = new ArrayList<>();
    for (long t : new long[] {Math.min(gate - upper, gate + lower), Math.max(gate - upper, gate + lower)}) {
      // at most gate + delay keeps the partition's watermark below the gate
      if (t >= start && t <= gate + delay && !edges.contains(t)) {
        edges.add(t);
      }
    }
    return edges;
  }

  /** Adds a record at {@code ts} for every key that can take one there. */
  private void plant(List<Event> list, long ts, int partition) {
    for (String key : keys) {
      Set<Long> taken = phaseATimestamps.getOrDefault(key, Set.of());
      if (!taken.contains(ts - gap) && !taken.contains(ts + gap)) {
        list.add(recordA(key, ts, partition));
      }
    }
  }

  /**
   * A random key for a phase A record at {@code ts} such that no two phase A records of a key are
   * exactly a session gap apart (then a session never ends exactly where a record of phase A
   * starts, and whether they merge cannot depend on when the session fired); null if no key fits.
   */
  private String phaseAKey(long ts) {
    for (int attempt = 0; attempt < 8; attempt++) {
      String key = keys.get(random.nextInt(keys.size()));
      Set<Long> taken = phaseATimestamps.getOrDefault(key, Set.of());
      if (!taken.contains(ts - gap) && !taken.contains(ts + gap)) {
        return key;
      }
    }
    return null;
  }

  private Event recordA(String key, long ts, int partition) {
    phaseATimestamps.computeIfAbsent(key, k -> new TreeSet<>()).add(ts);
    Event e = new Event(key, ts, partition);
    phaseA.add(e);
    return e;
  }

  private void addPhaseB() {
    List<Integer> homes = new ArrayList<>();
    for (int p = 0; p < roles.size(); p++) {
      if (roles.get(p) == Role.BUSY || roles.get(p) == Role.WAKING) {
        homes.add(p);
      }
    }
    Map<Integer, List<String>> keysOf = new HashMap<>();
    for (String key : keys) {
      keysOf.computeIfAbsent(homes.get(random.nextInt(homes.size())), p -> new ArrayList<>()).add(key);
    }
    // some reach below every window still kept at the gate, into the discarded ones; some stay
    // among windows that fire again or for the first time; some are at the gate itself
    long span = Math.max(Math.max(tumblingSize, slidingSize), gap);
    long reach = lateness + span + 100;
    List<Integer> phaseBCounts = new ArrayList<>();
    for (int p = 0; p < roles.size(); p++) {
      List<String> homeKeys = keysOf.getOrDefault(p, List.of());
      int count = homeKeys.isEmpty() ? 0 : 20 + random.nextInt(60);
      if (roles.get(p) == Role.WAKING) {
        // its reader's busy partition p - 4 stays active until it has emitted all of phase B, two
        // polls to spare (they may see the release file one poll apart)
        count = Math.max(0, Math.min(count, phaseBCounts.get(p - 4) - 2));
      }
      phaseBCounts.add(roles.get(p) == Role.BUSY || roles.get(p) == Role.WAKING ? count : 0);
      for (int i = 0; i < count; i++) {
        // at most gate + delay + 1: the partition's watermark stays at the gate
        int category = random.nextInt(8);
        Event e;
        if (category < 6) {
          long below = category < 3 ? reach : span;
          long ts = gate - below + random.nextInt((int) (below + delay + 2));
          e = new Event(homeKeys.get(random.nextInt(homeKeys.size())), ts, p);
        } else {
          e = atTheGate(homeKeys, p);
        }
        events.get(p).add(e);
        phaseB.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
      }
    }
  }

  /**
   * A record of one of {@code keys} next to the gate, where being late or not is a matter of one
   * millisecond. Half of them are exactly at the gate and, if possible, meet a phase A record of
   * the other join input at the distance of the join's bound that decides when that record is
   * dropped from the join's buffer: the pair a join loses if it drops buffers a millisecond early.
   */
  private Event atTheGate(List<String> keys, int partition) {
    if (random.nextBoolean()) {
      List<Event> candidates = new ArrayList<>();
      for (Event a : phaseA) {
        Event e = new Event(a.key(), gate, partition);
        boolean isLeft = EventTimeReference.isLeft(e);
        long lower = joinLower + (lowerExclusive ? 1 : 0);
        long upper = joinUpper - (upperExclusive ? 1 : 0);
        // a left record at l is kept while the watermark is at most l + upper, a right one at r while at most r - lower
        boolean edge = isLeft ? a.timestamp() - lower == gate : a.timestamp() + upper == gate;
        if (keys.contains(a.key()) && edge && EventTimeReference.isLeft(a) != isLeft) {
          candidates.add(e);
        }
      }
      if (!candidates.isEmpty()) {
        return candidates.get(random.nextInt(candidates.size()));
      }
    }
    return new Event(keys.get(random.nextInt(keys.size())), gate - 1 + random.nextInt(3), partition);
  }

  /** The partitions to read, all but the finished ones holding until {@code release} exists. */
  List<Partition> partitions(Path release) {
    List<Partition> partitions = new ArrayList<>();
    for (int p = 0; p < roles.size(); p++) {
      String file = roles.get(p) == Role.FINISHED ? null : release.toString();
      partitions.add(new Partition(p, List.copyOf(events.get(p)), file, holdAt.get(p)));
    }
    return partitions;
  }

  @Override
  public String toString() {
    return "scenario " + seed + ": partitions " + roles + ", start " + start + ", gate " + gate + " (" + alignment
        + "), delay " + delay
        + ", lateness " + lateness + ", tumbling " + tumblingSize + "@" + tumblingOffset + ", sliding " + slidingSize
        + "/" + slide + "@" + slidingOffset + ", gap " + gap + ", join " + (lowerExclusive ? "(" : "[") + joinLower
        + ", " + joinUpper + (upperExclusive ? ")" : "]") + ", " + phaseA.size() + " + "
        + phaseB.values().stream().mapToInt(List::size).sum() + " records";
  }
}
