package weir.bench.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorTest {

  @Test
  void recordsArePureFunctionsOfTheIndex() {
    for (long i = 0; i < 1_000; i++) {
      assertThat(Generator.longValue(i)).isEqualTo(Generator.longValue(i));
      assertThat(Generator.key(i)).isEqualTo(Generator.key(i));
    }
  }

  @Test
  void statelessFilterKeepsAboutHalf() {
    long n = 1_000_000;
    long kept = Generator.expectedStatelessCount(n);
    assertThat(kept).isBetween(n * 45 / 100, n * 55 / 100);
  }

  @Test
  void keysAndValuesStayInRangeAndSpreadOverTheKeySpace() {
    Set<Long> distinct = new HashSet<>();
    for (long i = 0; i < 2_000_000; i++) {
      long k = Generator.key(i);
      assertThat(k).isBetween(0L, Generator.KEYS - 1);
      assertThat(Generator.value(i)).isBetween(0L, 99L);
      distinct.add(k);
    }
    // 2M draws over 1M keys: about 1 - e^-2 = 86% of the keys should appear.
    assertThat(distinct.size()).isGreaterThan(800_000);
  }
}
