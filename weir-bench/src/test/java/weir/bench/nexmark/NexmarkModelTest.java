package weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.typeinfo.TypeInfo;
import weir.api.environment.CloseableIterator;

class NexmarkModelTest {
  private static final NexmarkModel MODEL = new NexmarkModel(NexmarkModel.Config.defaults(42, 10_000_000));

  @Test
  void when_the_same_index_is_asked_twice_or_by_another_instance_then_the_event_is_equal() {
    NexmarkModel other = new NexmarkModel(NexmarkModel.Config.defaults(42, 10_000_000));
    for (long i = 0; i < 5_000; i++) {
      assertThat(other.event(i)).isEqualTo(MODEL.event(i));
    }
    NexmarkModel reseeded = new NexmarkModel(NexmarkModel.Config.defaults(43, 10_000_000));
    assertThat(reseeded.event(7)).isNotEqualTo(MODEL.event(7));
  }

  @Test
  void when_events_are_made_then_persons_auctions_and_bids_come_1_to_3_to_46_by_index() {
    Map<NexmarkEvent.Kind, Integer> counts = new EnumMap<>(NexmarkEvent.Kind.class);
    for (long i = 0; i < 50_000; i++) {
      NexmarkEvent e = MODEL.event(i);
      assertThat(e.kind()).isEqualTo(NexmarkModel.kindOf(i));
      counts.merge(e.kind(), 1, Integer::sum);
    }
    assertThat(counts).containsEntry(NexmarkEvent.Kind.PERSON, 1_000).containsEntry(NexmarkEvent.Kind.AUCTION, 3_000)
        .containsEntry(NexmarkEvent.Kind.BID, 46_000);
  }

  @Test
  void when_entities_are_created_then_their_ids_count_up_from_the_model_offsets() {
    assertThat(MODEL.event(0).person().id()).isEqualTo(1000);
    assertThat(MODEL.event(1).auction().id()).isEqualTo(1000);
    assertThat(MODEL.event(3).auction().id()).isEqualTo(1002);
    assertThat(MODEL.event(50).person().id()).isEqualTo(1001);
    assertThat(MODEL.event(51).auction().id()).isEqualTo(1003);
    for (long i = 0; i < 20_000; i++) {
      NexmarkEvent e = MODEL.event(i);
      if (e.bid() != null) {
        // a bid refers to an auction and a person that exist, or a few ids ahead
        assertThat(e.bid().auction()).isBetween(1000L, 1000 + NexmarkModel.lastAuction(i) + 10);
        assertThat(e.bid().bidder()).isBetween(1000L, 1000 + NexmarkModel.lastPerson(i) + 10);
        assertThat(e.bid().price()).isBetween(100L, 100_000_000L);
      } else if (e.auction() != null) {
        assertThat(e.auction().category()).isBetween(10L, 14L);
        assertThat(e.auction().expires()).isGreaterThan(e.auction().dateTime());
        assertThat(e.auction().reserve()).isGreaterThan(e.auction().initialBid());
      }
    }
  }

  @Test
  void when_bids_are_made_then_hot_channels_carry_half_and_most_other_urls_a_channel_id() {
    int hot = 0;
    int others = 0;
    int withChannelId = 0;
    for (long i = 0; i < 100_000; i++) {
      NexmarkEvent.Bid bid = MODEL.event(i).bid();
      if (bid == null) {
        continue;
      }
      if (bid.channel().startsWith("channel-")) {
        others++;
        withChannelId += bid.url().contains("channel_id=") ? 1 : 0;
      } else {
        hot++;
      }
    }
    assertThat((double) hot / (hot + others)).isBetween(0.45, 0.55);
    assertThat((double) withChannelId / others).isBetween(0.85, 0.95);
  }

  @Test
  void when_entities_are_padded_then_they_come_near_the_configured_size_with_varied_texts() {
    java.util.Set<String> descriptions = new java.util.HashSet<>();
    java.util.Set<String> bidExtras = new java.util.HashSet<>();
    for (long i = 0; i < 20_000; i++) {
      NexmarkEvent e = MODEL.event(i);
      if (e.bid() != null) {
        // a bid counts 32 bytes besides its padding and averages 100: 68 ± 20%
        assertThat(e.bid().extra().length()).isBetween(54, 82);
        bidExtras.add(e.bid().extra());
      } else if (e.auction() != null) {
        assertThat(e.auction().description().length()).isBetween(1, 99);
        descriptions.add(e.auction().description());
      }
    }
    assertThat(bidExtras).hasSizeGreaterThan(100);
    assertThat(descriptions).hasSizeGreaterThan(500);
  }

  @Test
  void when_prices_are_drawn_then_they_are_log_uniform_and_match_the_power_they_interpolate() {
    int[] decades = new int[6];
    for (long seed = 0; seed < 60_000; seed++) {
      double u = new java.util.SplittableRandom(seed).nextDouble();
      long price = NexmarkModel.price(new java.util.SplittableRandom(seed));
      double exact = Math.pow(10.0, u * 6.0) * 100.0;
      assertThat((double) price).isCloseTo(exact, org.assertj.core.data.Offset.offset(exact * 1.5e-6 + 0.5));
      decades[(int) Math.log10(price / 100.0)]++;
    }
    // log-uniform: each decade of prices gets a sixth of the draws
    assertThat(java.util.Arrays.stream(decades).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(9_500, 10_500));
  }

  @Test
  void when_an_entity_size_is_out_of_range_then_the_config_names_the_sizes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new NexmarkModel.Config(1, 1000, 0, 1000, 100, 2, 4, 4, 200, 60_000, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auction 60000");
  }

  @Test
  void when_time_advances_then_event_time_follows_the_configured_rate() {
    assertThat(MODEL.eventTime(0)).isEqualTo(MODEL.config().baseTime());
    assertThat(MODEL.eventTime(10_000_000)).isEqualTo(MODEL.config().baseTime() + 1_000);
    assertThat(MODEL.event(123).eventTime()).isEqualTo(MODEL.eventTime(123));
  }

  @Test
  void when_a_weir_source_reads_the_model_at_any_parallelism_then_it_yields_the_same_events() throws Exception {
    assertThat(readAll(3)).containsExactlyInAnyOrderElementsOf(readAll(1));
  }

  @Test
  void when_flinks_source_reads_the_model_then_it_yields_the_same_events_as_weirs() throws Exception {
    org.apache.flink.streaming.api.environment.StreamExecutionEnvironment flink =
        org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(2);
    List<NexmarkEvent> events = new ArrayList<>();
    try (org.apache.flink.util.CloseableIterator<NexmarkEvent> it = flink
        .fromSource(NexmarkSources.flink(MODEL, 2_000),
            org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks(), "nexmark")
        .executeAndCollect()) {
      it.forEachRemaining(events::add);
    }
    assertThat(events).containsExactlyInAnyOrderElementsOf(readAll(2));
  }

  private static List<NexmarkEvent> readAll(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    NexmarkModel model = MODEL;
    List<NexmarkEvent> events = new ArrayList<>();
    try (CloseableIterator<NexmarkEvent> it = env.fromSource(
            NexmarkSources.weir(model, 2_000), WatermarkStrategy.noWatermarks(),
            TypeInfo.of(NexmarkEvent.class), "nexmark")
        .executeAndCollect()) {
      it.forEachRemaining(events::add);
    }
    return events;
  }

  @Test
  void when_a_card_number_is_written_then_it_reads_as_the_format_string_would_write_it() {
    int[] values = {0, 7, 42, 999, 1000, 5555, 9999};
    for (int a : values) {
      for (int d : values) {
        assertThat(NexmarkModel.card(a, d, a, d)).isEqualTo(String.format("%04d %04d %04d %04d", a, d, a, d));
      }
    }
  }
}
