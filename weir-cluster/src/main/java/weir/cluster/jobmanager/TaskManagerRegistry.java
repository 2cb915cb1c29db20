package weir.cluster.jobmanager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskManagers that registered with the JobManager, and whether each is still alive: a
 * TaskManager whose last heartbeat is older than the timeout is lost. A lost TaskManager stays
 * listed (as {@link Status#LOST}) until it registers again.
 *
 * <p>Thread-safe: gRPC calls, the heartbeat monitor and REST requests use it concurrently.
 */
public final class TaskManagerRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRegistry.class);

  /** Whether a TaskManager is alive. */
  public enum Status { REGISTERED, LOST }

  /**
   * What the JobManager knows of one TaskManager.
   *
   * @param id the TaskManager's own id
   * @param host the address it advertises
   * @param metricsPort the port of its {@code GET /metrics}
   * @param slots the slots it offers
   * @param freeSlots the slots it reported free in its last heartbeat
   * @param pid its process id
   * @param status alive or lost
   * @param millisSinceHeartbeat how long ago its last heartbeat (or registration) came
   */
  public record TaskManagerInfo(String id, String host, int metricsPort, int rpcPort, int dataPort, int slots,
      int freeSlots, long pid, Status status, long millisSinceHeartbeat) {}

  /** The ports a TaskManager serves on: metrics, task deployment (gRPC) and network data. */
  public record Ports(int metrics, int rpc, int data) {}

  private final Duration timeout;
  private final LongSupplier nanoClock;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** A registry whose TaskManagers are lost after {@code timeout} without a heartbeat. */
  public TaskManagerRegistry(Duration timeout, LongSupplier nanoClock) {
    this.timeout = timeout;
    this.nanoClock = nanoClock;
  }

  /** Registers (or registers again) a TaskManager; returns its new registration id. */
  public synchronized String register(String id, String host, Ports ports, int slots, long pid) {
    String registrationId = UUID.randomUUID().toString();
    Entry previous = entries.put(id, new Entry(id, registrationId, host, ports, slots, pid, nanoClock.getAsLong()));
    LOG.info("TaskManager {} registered from {} with {} slot(s), pid {}{}", id, host, slots, pid,
        previous == null ? "" : " (it was registered before, " + previous.status + ")");
    return registrationId;
  }

  /**
   * Takes a heartbeat; returns whether the registration it names is current and alive. A
   * heartbeat of a lost or replaced registration is refused, and the TaskManager must register again.
   */
  public synchronized boolean heartbeat(String id, String registrationId, int freeSlots) {
    Entry e = entries.get(id);
    if (e == null || !e.registrationId.equals(registrationId) || e.status == Status.LOST) {
      return false;
    }
    e.lastHeartbeat = nanoClock.getAsLong();
    e.freeSlots = freeSlots;
    return true;
  }

  /** Marks every TaskManager lost whose last heartbeat is older than the timeout; returns their ids. */
  public synchronized List<String> expire() {
    long now = nanoClock.getAsLong();
    List<String> lost = new ArrayList<>();
    for (Entry e : entries.values()) {
      long silentNanos = now - e.lastHeartbeat;
      if (e.status == Status.REGISTERED && silentNanos > timeout.toNanos()) {
        e.status = Status.LOST;
        lost.add(e.id);
        LOG.warn("TaskManager {} at {} lost: no heartbeat for {} ms (heartbeat.timeout is {} ms)", e.id, e.host,
            silentNanos / 1_000_000, timeout.toMillis());
      }
    }
    return lost;
  }

  /** How many TaskManagers have {@code status}. */
  public synchronized int count(Status status) {
    return (int) entries.values().stream().filter(e -> e.status == status).count();
  }

  /** The slots of the registered TaskManagers. */
  public synchronized int registeredSlots() {
    return entries.values().stream().filter(e -> e.status == Status.REGISTERED).mapToInt(e -> e.slots).sum();
  }

  /** Every TaskManager known, by id. */
  public synchronized List<TaskManagerInfo> list() {
    long now = nanoClock.getAsLong();
    List<TaskManagerInfo> result = new ArrayList<>();
    for (Entry e : entries.values()) {
      result.add(info(e, now));
    }
    result.sort(Comparator.comparing(TaskManagerInfo::id));
    return result;
  }

  /** The TaskManager {@code id} if it is registered and alive. */
  public synchronized java.util.Optional<TaskManagerInfo> registered(String id) {
    Entry e = entries.get(id);
    return e == null || e.status != Status.REGISTERED ? java.util.Optional.empty()
        : java.util.Optional.of(info(e, nanoClock.getAsLong()));
  }

  private static TaskManagerInfo info(Entry e, long now) {
    return new TaskManagerInfo(e.id, e.host, e.ports.metrics(), e.ports.rpc(), e.ports.data(), e.slots, e.freeSlots, e.pid,
        e.status, (now - e.lastHeartbeat) / 1_000_000);
  }

  private static final class Entry {
    final String id;
    final String registrationId;
    final String host;
    final Ports ports;
    final int slots;
    final long pid;
    long lastHeartbeat;
    int freeSlots;
    Status status = Status.REGISTERED;

    Entry(String id, String registrationId, String host, Ports ports, int slots, long pid, long now) {
      this.id = id;
      this.registrationId = registrationId;
      this.host = host;
      this.ports = ports;
      this.slots = slots;
      this.freeSlots = slots;
      this.pid = pid;
      this.lastHeartbeat = now;
    }
  }
}
