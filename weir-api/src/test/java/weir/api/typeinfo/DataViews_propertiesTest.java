package weir.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static weir.api.typeinfo.SerializerTesting.roundTrip;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DataViews_propertiesTest {

    @Property(tries = 300)
    void when_anyString_then_roundTrips(@ForAll("strings") String s) {
        assertThat(roundTrip(StringSerializer.INSTANCE, s)).isEqualTo(s);
    }

    @Property(tries = 20)
    void when_stringOver64k_then_roundTrips(@ForAll("bigStrings") String s) {
        assertThat(roundTrip(StringSerializer.INSTANCE, s)).isEqualTo(s);
    }

    @Property
    void when_anyLongList_then_roundTrips(@ForAll List<Long> values) {
        assertThat(roundTrip(CollectionSerializer.list(LongSerializer.INSTANCE), values)).isEqualTo(values);
    }

    @Property
    void when_anyIntList_then_roundTripsAsListAndArray(@ForAll List<Integer> values) {
        assertThat(roundTrip(CollectionSerializer.list(IntSerializer.INSTANCE), values)).isEqualTo(values);
        int[] array = values.stream().mapToInt(Integer::intValue).toArray();
        assertThat(roundTrip(PrimitiveArraySerializer.INT, array)).isEqualTo(array);
    }

    @Provide
    Arbitrary<String> strings() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> codePoints = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list().ofMaxSize(100)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
        return Arbitraries.oneOf(anyChars, codePoints);
    }

    @Provide
    Arbitrary<String> bigStrings() {
        return Arbitraries.strings().all().ofMinLength(65_536).ofMaxLength(100_000);
    }
}
