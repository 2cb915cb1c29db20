package weir.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import weir.cluster.jobmanager.TaskManagerRegistry;
import weir.cluster.jobmanager.TaskManagerRegistry.Status;

class TaskManagerRegistryTest {
  private final AtomicLong nanos = new AtomicLong();
  private final TaskManagerRegistry registry = new TaskManagerRegistry(Duration.ofSeconds(2), nanos::get);

  private void advanceMillis(long millis) {
    nanos.addAndGet(millis * 1_000_000);
  }

  @Test
  void when_heartbeats_keep_coming_then_the_taskmanager_stays_registered() {
    String reg = registry.register("tm-1", "127.0.0.1", new TaskManagerRegistry.Ports(0, 0, 0), 2, 42);
    for (int i = 0; i < 10; i++) {
      advanceMillis(1_500);
      assertThat(registry.heartbeat("tm-1", reg, 1)).isTrue();
      assertThat(registry.expire()).isEmpty();
    }
    assertThat(registry.list()).singleElement().satisfies(tm -> {
      assertThat(tm.status()).isEqualTo(Status.REGISTERED);
      assertThat(tm.slots()).isEqualTo(2);
      assertThat(tm.freeSlots()).isEqualTo(1);
    });
  }

  @Test
  void when_heartbeats_stop_for_longer_than_the_timeout_then_it_is_lost_and_must_register_again() {
    String reg = registry.register("tm-1", "127.0.0.1", new TaskManagerRegistry.Ports(0, 0, 0), 2, 42);
    registry.register("tm-2", "127.0.0.1", new TaskManagerRegistry.Ports(0, 0, 0), 2, 43);
    advanceMillis(2_000);
    assertThat(registry.expire()).isEmpty(); // exactly the timeout: not yet
    advanceMillis(1);
    assertThat(registry.expire()).containsExactly("tm-1", "tm-2");
    assertThat(registry.heartbeat("tm-1", reg, 2)).isFalse();
    String again = registry.register("tm-1", "127.0.0.1", new TaskManagerRegistry.Ports(0, 0, 0), 2, 44);
    assertThat(registry.heartbeat("tm-1", again, 2)).isTrue();
    assertThat(registry.list()).extracting(TaskManagerRegistry.TaskManagerInfo::status)
        .containsExactly(Status.REGISTERED, Status.LOST);
  }

  @Test
  void when_a_taskmanager_registers_again_then_heartbeats_of_its_old_registration_are_refused() {
    String first = registry.register("tm-1", "127.0.0.1", new TaskManagerRegistry.Ports(0, 0, 0), 1, 42);
    String second = registry.register("tm-1", "127.0.0.1", new TaskManagerRegistry.Ports(0, 0, 0), 1, 42);
    assertThat(registry.heartbeat("tm-1", first, 1)).isFalse();
    assertThat(registry.heartbeat("tm-1", second, 1)).isTrue();
    assertThat(registry.heartbeat("tm-unknown", second, 1)).isFalse();
  }
}
