package weir.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusWatermarkValveTest {
  private final List<String> emitted = new ArrayList<>();
  private final StatusWatermarkValve.ValveOutput out = new StatusWatermarkValve.ValveOutput() {
    @Override
    public void emitWatermark(long watermark) {
      emitted.add("W" + watermark);
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
      emitted.add(idle ? "IDLE" : "ACTIVE");
    }
  };

  @Test
  void when_channels_advance_then_the_minimum_is_emitted_once_it_grows() throws Exception {
    StatusWatermarkValve valve = new StatusWatermarkValve(2);
    valve.inputWatermark(0, 10, out);
    assertThat(emitted).isEmpty();
    valve.inputWatermark(1, 5, out);
    valve.inputWatermark(1, 20, out);
    valve.inputWatermark(0, 15, out);
    valve.inputWatermark(0, 12, out);
    assertThat(emitted).containsExactly("W5", "W10", "W15");
  }

  @Test
  void when_a_channel_goes_idle_then_it_stops_holding_back_the_watermark() throws Exception {
    StatusWatermarkValve valve = new StatusWatermarkValve(2);
    valve.inputWatermark(0, 100, out);
    valve.inputWatermark(1, 1, out);
    valve.inputStatus(1, true, out);
    assertThat(emitted).containsExactly("W1", "W100");
    valve.inputWatermark(0, 200, out);
    assertThat(emitted).endsWith("W200");
  }

  @Test
  void when_an_idle_channel_wakes_behind_then_it_rejoins_only_after_catching_up() throws Exception {
    StatusWatermarkValve valve = new StatusWatermarkValve(2);
    valve.inputWatermark(0, 100, out);
    valve.inputStatus(1, true, out);
    valve.inputStatus(1, false, out);
    valve.inputWatermark(1, 50, out);
    valve.inputWatermark(0, 300, out);
    // channel 1 is behind the emitted 100: it does not pull the watermark back, nor hold it
    assertThat(emitted).containsExactly("W100", "W300");
    valve.inputWatermark(1, 350, out);
    assertThat(emitted).containsExactly("W100", "W300");
    // now aligned, it holds the watermark back like any active channel
    valve.inputWatermark(0, 400, out);
    assertThat(emitted).containsExactly("W100", "W300", "W350");
    assertThat(valve.currentWatermark()).isEqualTo(350);
  }

  @Test
  void when_all_channels_are_idle_then_the_subtask_is_idle_until_one_wakes() throws Exception {
    StatusWatermarkValve valve = new StatusWatermarkValve(2);
    valve.inputWatermark(0, 10, out);
    valve.inputWatermark(1, 30, out);
    valve.inputStatus(0, true, out);
    valve.inputStatus(1, true, out);
    valve.inputStatus(0, false, out);
    assertThat(emitted).containsExactly("W10", "W30", "IDLE", "ACTIVE");
  }
}
