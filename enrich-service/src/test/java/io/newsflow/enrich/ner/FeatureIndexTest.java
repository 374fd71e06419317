package io.newsflow.enrich.ner;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

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
    void unknownKeysHaveNoId() {
        SplittableRandom random = new SplittableRandom(11);
        long[] known = random.longs(50_000).toArray();
        FeatureIndex index = FeatureIndex.of(known);

        for (int i = 0; i < known.length; i++) {
            assertThat(index.get(known[i])).isEqualTo(i);
        }
        long unknown = random.longs(20_000).filter(key -> index.get(key) < 0).count();
        assertThat(unknown).as("random keys are unknown").isEqualTo(20_000);
    }
}
