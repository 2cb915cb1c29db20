package weir.api.windowing.evictors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.windowing.evictors.Evictor.EvictorContext;
import weir.api.windowing.windows.TimeWindow;

class EvictorsTest {

  private static final TimeWindow WINDOW = new TimeWindow(0, 100);
  private static final EvictorContext CONTEXT = new EvictorContext() {
    @Override
    public long getCurrentProcessingTime() {
      return 0;
    }

    @Override
    public long getCurrentWatermark() {
      return Long.MIN_VALUE;
    }
  };

  private static List<TimestampedValue<Object>> elements(long... timestamps) {
    List<TimestampedValue<Object>> list = new ArrayList<>();
    for (long t : timestamps) {
      list.add(new TimestampedValue<>("e" + t, t));
    }
    return list;
  }

  private static List<Object> values(List<TimestampedValue<Object>> elements) {
    return elements.stream().map(TimestampedValue::getValue).toList();
  }

  @Test
  void when_moreElementsThanTheCount_then_countEvictorKeepsTheLastOnes() {
    List<TimestampedValue<Object>> elements = elements(1, 2, 3, 4);
    CountEvictor.<TimeWindow>of(2).evictBefore(elements, elements.size(), WINDOW, CONTEXT);
    assertThat(values(elements)).containsExactly("e3", "e4");
  }

  @Test
  void when_fewerElementsThanTheCount_then_countEvictorKeepsAll() {
    List<TimestampedValue<Object>> elements = elements(1, 2);
    CountEvictor.<TimeWindow>of(2).evictBefore(elements, elements.size(), WINDOW, CONTEXT);
    CountEvictor.<TimeWindow>of(5).evictBefore(elements, elements.size(), WINDOW, CONTEXT);
    assertThat(values(elements)).containsExactly("e1", "e2");
  }

  @Test
  void when_countIsZero_then_countEvictorEvictsAll() {
    List<TimestampedValue<Object>> elements = elements(1, 2, 3);
    CountEvictor.<TimeWindow>of(0).evictBefore(elements, elements.size(), WINDOW, CONTEXT);
    assertThat(elements).isEmpty();
  }

  @Test
  void when_countEvictorEvictsAfter_then_onlyEvictAfterRemoves() {
    CountEvictor<TimeWindow> evictor = CountEvictor.of(1, true);
    List<TimestampedValue<Object>> elements = elements(1, 2, 3);
    evictor.evictBefore(elements, elements.size(), WINDOW, CONTEXT);
    assertThat(elements).hasSize(3);
    evictor.evictAfter(elements, elements.size(), WINDOW, CONTEXT);
    assertThat(values(elements)).containsExactly("e3");
  }

  @Test
  void when_countEvictorEvictsBefore_then_evictAfterKeepsAll() {
    List<TimestampedValue<Object>> elements = elements(1, 2, 3);
    CountEvictor.<TimeWindow>of(1).evictAfter(elements, elements.size(), WINDOW, CONTEXT);
    assertThat(elements).hasSize(3);
  }

  @Test
  void when_elementsAreOlderThanTheSpanBeforeTheNewest_then_timeEvictorRemovesThem() {
    // newest is 20; with a span of 10 everything at or before 10 goes, in any order
    List<TimestampedValue<Object>> elements = elements(15, 0, 20, 10, 5, 11);
    TimeEvictor.<TimeWindow>of(Duration.ofMillis(10)).evictBefore(elements, elements.size(), WINDOW, CONTEXT);
    assertThat(values(elements)).containsExactly("e15", "e20", "e11");
  }

  @Test
  void when_timeEvictorEvictsAfter_then_onlyEvictAfterRemoves() {
    TimeEvictor<TimeWindow> evictor = TimeEvictor.of(Duration.ofMillis(5), true);
    List<TimestampedValue<Object>> elements = elements(0, 5, 10);
    evictor.evictBefore(elements, elements.size(), WINDOW, CONTEXT);
    assertThat(elements).hasSize(3);
    evictor.evictAfter(elements, elements.size(), WINDOW, CONTEXT);
    assertThat(values(elements)).containsExactly("e10");
  }

  @Test
  void when_elementsHaveNoTimestamps_then_timeEvictorKeepsAll() {
    List<TimestampedValue<Object>> elements = new ArrayList<>(List.of(
        new TimestampedValue<>("a"), new TimestampedValue<>("b")));
    TimeEvictor.<TimeWindow>of(Duration.ZERO).evictBefore(elements, elements.size(), WINDOW, CONTEXT);
    assertThat(elements).hasSize(2);
  }

  @Test
  void when_windowIsEmpty_then_evictorsDoNothing() {
    List<TimestampedValue<Object>> elements = new ArrayList<>();
    TimeEvictor.<TimeWindow>of(Duration.ZERO).evictBefore(elements, 0, WINDOW, CONTEXT);
    CountEvictor.<TimeWindow>of(0).evictBefore(elements, 0, WINDOW, CONTEXT);
    assertThat(elements).isEmpty();
  }
}
