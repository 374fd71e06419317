package io.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ViterbiTest {
    private static final int T = BioTags.COUNT;
    private static final int B_PER = BioTags.index("B-PER");
    private static final int I_PER = BioTags.index("I-PER");

    @Test
    void neverStartsWithInsideEvenWhenScoresPreferIt() {
        double[] emission = new double[2 * T];
        emission[I_PER] = 100;
        emission[T + I_PER] = 100;

        int[] tags = Viterbi.decode(emission, new double[(T + 1) * T], 2);

        assertThat(tags).containsExactly(B_PER, I_PER);
    }

    @Test
    void neverEmitsInsideAfterOutsideOrAnotherType() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(12);
            double[] emission = new double[n * T];
            for (int i = 0; i < emission.length; i++) {
                emission[i] = random.nextGaussian() * (i % T % 2 == 0 && i % T > 0 ? 5 : 1);
            }
            double[] transition = new double[(T + 1) * T];
            for (int i = 0; i < transition.length; i++) {
                transition[i] = random.nextGaussian();
            }

            int[] tags = Viterbi.decode(emission, transition, n);

            for (int i = 0; i < n; i++) {
                assertThat(BioTags.allowed(i == 0 ? -1 : tags[i - 1], tags[i]))
                        .as("tag %s after %s", BioTags.name(tags[i]), i == 0 ? "start" : BioTags.name(tags[i - 1]))
                        .isTrue();
            }
        }
    }

    @Test
    void followsTransitionScoresWhenEmissionsTie() {
        double[] transition = new double[(T + 1) * T];
        transition[T * T + B_PER] = 1;
        transition[B_PER * T + I_PER] = 1;

        assertThat(Viterbi.decode(new double[2 * T], transition, 2)).containsExactly(B_PER, I_PER);
    }
}
