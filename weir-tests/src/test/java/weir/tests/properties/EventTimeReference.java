package weir.tests.properties;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import weir.tests.support.PartitionedSource.Event;

/**
 * What the operators under test must emit for an {@link EventTimeScenario}, computed by brute
 * force in plain Java under Flink's semantics, with the watermark of every subtask known at every
 * record: below the record's timestamp in phase A, exactly the scenario's gate in phase B (see
 * {@link EventTimeOracleIT} for why).
 *
 * <p>Windows follow Flink's {@code WindowOperator} with the default event-time trigger: a window
 * fires when the watermark reaches its last millisecond, and again for every record added to it
 * after that; it is dropped when the watermark reaches its last millisecond plus the allowed
 * lateness, and a record that finds all its windows dropped is late. Sessions merge windows that
 * touch or overlap, the new record's window with the live sessions it meets. Interval joins pair
 * every two records of a key within the bounds unless one of them is late (below the watermark).
 */
final class EventTimeReference {
  private EventTimeReference() {}

  /** A window's result as a window variant emits it, with the timestamp it carries. */
  public record Fired(String key, long start, long end, long count, long sum, long hash, long timestamp)
      implements Serializable {
    WindowId window() {
      return new WindowId(key, start, end);
    }
  }

  /** A pair as the join emits it, with the timestamp it carries. */
  public record Pair(Event left, Event right, long timestamp) implements Serializable {}

  public record WindowId(String key, long start, long end) implements Comparable<WindowId> {
    @Override
    public int compareTo(WindowId o) {
      int byKey = key.compareTo(o.key);
      return byKey != 0 ? byKey : start != o.start ? Long.compare(start, o.start) : Long.compare(end, o.end);
    }
  }

  /**
   * What a window variant emits: the firings before the gate opens, every window's firings in
   * order, and the records sent to the late data output.
   */
  record Windows(List<Fired> beforeGate, Map<WindowId, List<Fired>> firings, List<Event> late) {}

  /** What the interval join emits: the pairs before the gate opens, all pairs, and the late records by side. */
  record Join(List<Pair> beforeGate, List<Pair> pairs, List<Event> lateLeft, List<Event> lateRight) {}

  /**
   * Whether a record is on the left input of the join: a bit of its hash, so that both sides have
   * records at every timestamp parity and the join's bounds meet pairs at odd and even distances.
   */
  static boolean isLeft(Event e) {
    return (hash(e) & 0x100) == 0;
  }

  /** A record's share of a window's content hash: order-independent, and sensitive to which records. */
  static long hash(Event e) {
    long z = e.timestamp() * 1_000_003L + e.partition() + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static Fired fired(String key, long start, long end, List<Event> contents) {
    long sum = 0;
    long hash = 0;
    for (Event e : contents) {
      sum += e.timestamp();
      hash += hash(e);
    }
    return new Fired(key, start, end, contents.size(), sum, hash, end - 1);
  }

  /** Collects firings in the order the operator makes them, per window. */
  private static final class Firings {
    final List<Fired> beforeGate = new ArrayList<>();
    final Map<WindowId, List<Fired>> all = new TreeMap<>();
    final List<Event> late = new ArrayList<>();

    void fire(String key, long start, long end, List<Event> contents, boolean beforeGate) {
      Fired f = fired(key, start, end, contents);
      all.computeIfAbsent(f.window(), w -> new ArrayList<>()).add(f);
      if (beforeGate) {
        this.beforeGate.add(f);
      }
    }

    Windows result() {
      return new Windows(beforeGate, all, late);
    }
  }

  /** Tumbling ({@code size == slide}) or sliding windows. */
  static Windows aligned(EventTimeScenario s, long size, long slide, long offset, long lateness) {
    long gate = s.gate;
    Map<WindowId, List<Event>> contents = new TreeMap<>();
    for (Event e : s.phaseA) {
      for (long start : starts(e.timestamp(), size, slide, offset)) {
        contents.computeIfAbsent(new WindowId(e.key(), start, start + size), w -> new ArrayList<>()).add(e);
      }
    }
    Firings firings = new Firings();
    // the watermark reaches the gate: every window that ends by then fires with its phase A records
    contents.forEach((w, c) -> {
      if (w.end() - 1 <= gate) {
        firings.fire(w.key(), w.start(), w.end(), c, true);
      }
    });
    for (List<Event> keyed : s.phaseB.values()) {
      for (Event e : keyed) {
        boolean dropped = true;
        for (long start : starts(e.timestamp(), size, slide, offset)) {
          long maxTimestamp = start + size - 1;
          if (maxTimestamp + lateness <= gate) {
            continue; // discarded when the watermark passed its end plus the lateness
          }
          dropped = false;
          List<Event> c = contents.computeIfAbsent(new WindowId(e.key(), start, start + size), w -> new ArrayList<>());
          c.add(e);
          if (maxTimestamp <= gate) {
            firings.fire(e.key(), start, start + size, c, false); // a late firing
          }
        }
        if (dropped) {
          firings.late.add(e);
        }
      }
    }
    // the final watermark fires the windows that end after the gate
    contents.forEach((w, c) -> {
      if (w.end() - 1 > gate) {
        firings.fire(w.key(), w.start(), w.end(), c, false);
      }
    });
    return firings.result();
  }

  private static List<Long> starts(long ts, long size, long slide, long offset) {
    List<Long> starts = new ArrayList<>();
    long last = ts - Math.floorMod(ts - offset, slide);
    for (long start = last; start > ts - size; start -= slide) {
      starts.add(start);
    }
    return starts;
  }

  /** A live session of one key: its bounds and records. */
  private static final class Session {
    long start;
    long end;
    final List<Event> contents = new ArrayList<>();

    Session(long start, long end) {
      this.start = start;
      this.end = end;
    }

    boolean meets(long otherStart, long otherEnd) {
      return start <= otherEnd && end >= otherStart;
    }
  }

  /** Event-time session windows with gap {@code gap}. */
  static Windows sessions(EventTimeScenario s, long gap, long lateness) {
    long gate = s.gate;
    Map<String, List<Event>> phaseA = new TreeMap<>();
    for (Event e : s.phaseA) {
      phaseA.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
    }
    Map<String, List<Session>> live = new LinkedHashMap<>();
    Firings firings = new Firings();
    phaseA.forEach((key, records) -> {
      records.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
      List<Session> sessions = new ArrayList<>();
      Session current = null;
      for (Event e : records) {
        if (current == null || !current.meets(e.timestamp(), e.timestamp() + gap)) {
          current = new Session(e.timestamp(), e.timestamp() + gap);
          sessions.add(current);
        }
        current.end = Math.max(current.end, e.timestamp() + gap);
        current.contents.add(e);
      }
      List<Session> kept = new ArrayList<>();
      for (Session session : sessions) {
        if (session.end - 1 <= gate) {
          firings.fire(key, session.start, session.end, session.contents, true);
        }
        if (session.end - 1 + lateness > gate) {
          kept.add(session);
        }
      }
      live.put(key, kept);
    });
    s.phaseB.forEach((key, records) -> {
      List<Session> sessions = live.computeIfAbsent(key, k -> new ArrayList<>());
      for (Event e : records) {
        Session merged = new Session(e.timestamp(), e.timestamp() + gap);
        boolean grew = true;
        boolean mergedAny = false;
        while (grew) {
          grew = false;
          for (int i = 0; i < sessions.size(); i++) {
            Session other = sessions.get(i);
            if (other.meets(merged.start, merged.end)) {
              merged.start = Math.min(merged.start, other.start);
              merged.end = Math.max(merged.end, other.end);
              merged.contents.addAll(other.contents);
              sessions.remove(i--);
              grew = true;
              mergedAny = true;
            }
          }
        }
        if (!mergedAny && merged.end - 1 + lateness <= gate) {
          firings.late.add(e);
          continue;
        }
        merged.contents.add(e);
        sessions.add(merged);
        if (merged.end - 1 <= gate) {
          firings.fire(key, merged.start, merged.end, merged.contents, false);
        }
      }
    });
    live.forEach((key, sessions) -> {
      for (Session session : sessions) {
        if (session.end - 1 > gate) {
          firings.fire(key, session.start, session.end, session.contents, false);
        }
      }
    });
    return firings.result();
  }

  /** The interval join of left and right records ({@link #isLeft}) with the scenario's bounds. */
  static Join join(EventTimeScenario s) {
    List<Event> onTime = new ArrayList<>(s.phaseA);
    List<Event> lateLeft = new ArrayList<>();
    List<Event> lateRight = new ArrayList<>();
    for (List<Event> keyed : s.phaseB.values()) {
      for (Event e : keyed) {
        if (e.timestamp() >= s.gate) {
          onTime.add(e);
        } else {
          (isLeft(e) ? lateLeft : lateRight).add(e);
        }
      }
    }
    return new Join(pairs(s, s.phaseA), pairs(s, onTime), lateLeft, lateRight);
  }

  private static List<Pair> pairs(EventTimeScenario s, List<Event> records) {
    long lower = s.joinLower + (s.lowerExclusive ? 1 : 0);
    long upper = s.joinUpper - (s.upperExclusive ? 1 : 0);
    List<Pair> pairs = new ArrayList<>();
    for (Event left : records) {
      if (!isLeft(left)) {
        continue;
      }
      for (Event right : records) {
        long offset = right.timestamp() - left.timestamp();
        if (!isLeft(right) && right.key().equals(left.key()) && offset >= lower && offset <= upper) {
          pairs.add(new Pair(left, right, Math.max(left.timestamp(), right.timestamp())));
        }
      }
    }
    return pairs;
  }
}
