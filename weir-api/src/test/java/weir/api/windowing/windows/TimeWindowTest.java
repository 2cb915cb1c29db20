package weir.api.windowing.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import weir.api.typeinfo.Compatibility;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.TypeSerializer;

class TimeWindowTest {

  @Test
  void when_windowEndsAt10_then_maxTimestampIs9() {
    assertThat(new TimeWindow(0, 10).maxTimestamp()).isEqualTo(9);
    assertThat(new TimeWindow(-10, 0).maxTimestamp()).isEqualTo(-1);
  }

  @Test
  void when_windowsOverlapOrTouch_then_theyIntersect() {
    TimeWindow w = new TimeWindow(10, 20);
    assertThat(w.intersects(new TimeWindow(15, 25))).isTrue();
    assertThat(w.intersects(new TimeWindow(20, 30))).as("touching at the end").isTrue();
    assertThat(w.intersects(new TimeWindow(0, 10))).as("touching at the start").isTrue();
    assertThat(w.intersects(new TimeWindow(12, 13))).as("contained").isTrue();
    assertThat(w.intersects(new TimeWindow(21, 30))).isFalse();
    assertThat(w.intersects(new TimeWindow(0, 9))).isFalse();
  }

  @Test
  void when_covering_then_resultSpansBoth() {
    assertThat(new TimeWindow(10, 20).cover(new TimeWindow(5, 12))).isEqualTo(new TimeWindow(5, 20));
    assertThat(new TimeWindow(10, 20).cover(new TimeWindow(30, 40))).isEqualTo(new TimeWindow(10, 40));
    assertThat(new TimeWindow(10, 20).cover(new TimeWindow(12, 15))).isEqualTo(new TimeWindow(10, 20));
  }

  @Test
  void when_boundsAreEqual_then_windowsAreEqualWithEqualHashes() {
    assertThat(new TimeWindow(3, 7)).isEqualTo(new TimeWindow(3, 7)).hasSameHashCodeAs(new TimeWindow(3, 7));
    assertThat(new TimeWindow(3, 7)).isNotEqualTo(new TimeWindow(3, 8)).isNotEqualTo(new TimeWindow(2, 7));
  }

  @Test
  void when_hashingManyCloseWindows_then_hashesAreDistinctAndSpreadOverLowBits() {
    // sliding windows (same length, consecutive starts) and sessions (same start, growing end)
    Set<Integer> hashes = new HashSet<>();
    Set<Integer> lowBits = new HashSet<>();
    int count = 0;
    for (long start = 0; start < 100_000; start += 1_000) {
      for (long length = 1_000; length <= 10_000; length += 1_000) {
        int h = new TimeWindow(start, start + length).hashCode();
        hashes.add(h);
        lowBits.add(h & 1023);
        count++;
      }
    }
    assertThat(hashes).hasSize(count);
    assertThat(lowBits).as("buckets of a 1024-slot table in use").hasSizeGreaterThan(550);
  }

  @Test
  void when_timestampIsNegative_then_windowStartIsRoundedDown() {
    assertThat(TimeWindow.getWindowStartWithOffset(-1, 0, 10)).isEqualTo(-10);
    assertThat(TimeWindow.getWindowStartWithOffset(-10, 0, 10)).isEqualTo(-10);
    assertThat(TimeWindow.getWindowStartWithOffset(-11, 0, 10)).isEqualTo(-20);
    assertThat(TimeWindow.getWindowStartWithOffset(9, 0, 10)).isEqualTo(0);
    assertThat(TimeWindow.getWindowStartWithOffset(10, 0, 10)).isEqualTo(10);
  }

  @Test
  void when_offsetIsSet_then_windowsStartAtOffsetPlusMultiplesOfSize() {
    assertThat(TimeWindow.getWindowStartWithOffset(0, 3, 10)).isEqualTo(-7);
    assertThat(TimeWindow.getWindowStartWithOffset(3, 3, 10)).isEqualTo(3);
    assertThat(TimeWindow.getWindowStartWithOffset(12, 3, 10)).isEqualTo(3);
    assertThat(TimeWindow.getWindowStartWithOffset(13, 3, 10)).isEqualTo(13);
    assertThat(TimeWindow.getWindowStartWithOffset(0, -3, 10)).isEqualTo(-3);
    assertThat(TimeWindow.getWindowStartWithOffset(-4, -3, 10)).isEqualTo(-13);
  }

  @Test
  void when_mergingOverlappingAndTouchingWindows_then_eachRunIsReportedWithItsCover() {
    List<TimeWindow> windows = List.of(
        new TimeWindow(30, 35), new TimeWindow(3, 8), new TimeWindow(0, 5),
        new TimeWindow(15, 20), new TimeWindow(10, 15), new TimeWindow(50, 60), new TimeWindow(52, 55));
    List<TimeWindow> covers = new ArrayList<>();
    List<Set<TimeWindow>> merged = new ArrayList<>();
    TimeWindow.mergeWindows(windows, (toBeMerged, result) -> {
      merged.add(Set.copyOf(toBeMerged));
      covers.add(result);
    });
    assertThat(covers).containsExactly(new TimeWindow(0, 8), new TimeWindow(10, 20), new TimeWindow(50, 60));
    assertThat(merged).containsExactly(
        Set.of(new TimeWindow(0, 5), new TimeWindow(3, 8)),
        Set.of(new TimeWindow(10, 15), new TimeWindow(15, 20)),
        Set.of(new TimeWindow(50, 60), new TimeWindow(52, 55)));
  }

  @Test
  void when_noWindowsOverlap_then_nothingIsMerged() {
    List<TimeWindow> covers = new ArrayList<>();
    TimeWindow.mergeWindows(List.of(new TimeWindow(0, 5), new TimeWindow(6, 9)), (w, r) -> covers.add(r));
    TimeWindow.mergeWindows(List.of(), (w, r) -> covers.add(r));
    assertThat(covers).isEmpty();
  }

  @Test
  void when_serializingTimeWindows_then_theyRoundTripInSixteenBytes() throws IOException {
    for (TimeWindow w : List.of(new TimeWindow(0, 10), new TimeWindow(Long.MIN_VALUE, Long.MAX_VALUE),
        new TimeWindow(-5000, -1))) {
      DataOutputSerializer out = new DataOutputSerializer(4);
      TimeWindowSerializer.INSTANCE.serialize(w, out);
      byte[] bytes = out.copyOfBuffer();
      assertThat(bytes).hasSize(16);
      DataInputDeserializer in = new DataInputDeserializer(bytes);
      assertThat(TimeWindowSerializer.INSTANCE.deserialize(in)).isEqualTo(w);
      assertThat(in.available()).isZero();
    }
  }

  @Test
  void when_snapshottingTheWindowSerializers_then_theyRestoreCompatibleAsIs() {
    assertSnapshotCompatible(TimeWindowSerializer.INSTANCE);
    assertSnapshotCompatible(GlobalWindowSerializer.INSTANCE);
    assertThat(TimeWindowSerializer.INSTANCE.isImmutableType()).isTrue();
    TimeWindow w = new TimeWindow(1, 2);
    assertThat(TimeWindowSerializer.INSTANCE.copy(w)).isSameAs(w);
  }

  @Test
  void when_serializingTheGlobalWindow_then_theSingletonComesBack() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(4);
    GlobalWindowSerializer.INSTANCE.serialize(GlobalWindow.get(), out);
    DataInputDeserializer in = new DataInputDeserializer(out.copyOfBuffer());
    assertThat(GlobalWindowSerializer.INSTANCE.deserialize(in)).isSameAs(GlobalWindow.get());
    assertThat(in.available()).isZero();
    assertThat(GlobalWindow.get().maxTimestamp()).isEqualTo(Long.MAX_VALUE);
  }

  private static <W> void assertSnapshotCompatible(TypeSerializer<W> serializer) {
    TypeSerializer<W> restored = serializer.snapshotConfiguration().restoreSerializer();
    assertThat(restored).isEqualTo(serializer);
    assertThat(serializer.snapshotConfiguration().resolveCompatibility(restored))
        .isEqualTo(Compatibility.COMPATIBLE_AS_IS);
  }
}
