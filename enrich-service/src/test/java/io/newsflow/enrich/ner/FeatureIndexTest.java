package io.newsflow.enrich.ner;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureIndexTest {

    @Test
    void idsFollowTheOrderOfAdditionAndSurviveGrowth() {
        FeatureIndex index = new FeatureIndex(4);
        long[] keys = new SplittableRandom(7).longs(10_000).toArray();
        keys[17] = 0; // the value that marks an empty slot inside the table is a key like any other
        for (int i = 0; i < keys.length; i++) {
            assertThat(index.add(keys[i])).isEqualTo(i);
        }

        assertThat(index.size()).isEqualTo(keys.length);
        assertThat(index.keysById()).containsExactly(keys);
        assertThat(index.get(0)).isEqualTo(17);
        assertThat(index.add(keys[42])).as("adding a known key gives its id").isEqualTo(42);
    }

    @Test
    void batchedLookupAgreesWithSingleLookupsForKnownAndUnknownKeys() {
        SplittableRandom random = new SplittableRandom(11);
        long[] known = random.longs(50_000).toArray();
        FeatureIndex index = FeatureIndex.of(known);
        // known keys, unknown keys and repeats, in one batch as the tagger asks (30 keys a character)
        long[] asked = LongStream.concat(LongStream.of(known).limit(20_000), random.longs(20_000))
                .map(key -> random.nextInt(10) == 0 ? known[random.nextInt(known.length)] : key)
                .toArray();

        int[] ids = index.ids(asked);

        assertThat(ids).hasSize(asked.length);
        int unknown = 0;
        for (int i = 0; i < asked.length; i++) {
            assertThat(ids[i]).as("key %d", i).isEqualTo(index.get(asked[i]));
            if (ids[i] < 0) {
                unknown++;
            } else {
                assertThat(known[ids[i]]).isEqualTo(asked[i]);
            }
        }
        assertThat(unknown).as("the random keys are unknown").isBetween(15_000, 20_000);
    }
}
