package io.newsflow.enrich.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Averaged structured perceptron training. Integer weights are updated on each mistake; the average over all
 * steps is kept lazily with the timestamp trick: a weight's running total is brought up to date only when the
 * weight changes, and once more when the averaged model is read out.
 */
final class PerceptronTrainer {
    private static final int T = BioTags.COUNT;
    private static final long SEED = 2006L;
    /**
     * Features seen fewer times in the training sentences stay out of the model. Those seen once are most of the
     * keys but almost never decide a tag; without the cut, 30 features a character over train + pd_dev + msra_dev
     * do not fit the build's 1 GB heap.
     */
    static final int MIN_COUNT = 2;
    private static final int DROPPED = -1;

    private final CharFeatures features;
    private final List<int[]> featureIds = new ArrayList<>();
    private final List<int[]> goldTags = new ArrayList<>();
    private final FeatureIndex index;
    private final int transitionBase;
    private final int[] weights;
    private final long[] totals;
    private final int[] stamps;
    private int step;

    PerceptronTrainer(CharFeatures features, List<TaggedSentence> sentences) {
        this.features = features;
        FeatureIndex seen = new FeatureIndex(1 << 20);
        int[] counts = new int[1 << 20];
        for (TaggedSentence sentence : sentences) {
            long[] keys = features.extract(sentence.text());
            int[] ids = new int[keys.length];
            for (int k = 0; k < keys.length; k++) {
                int id = seen.add(keys[k]);
                if (id == counts.length) {
                    counts = Arrays.copyOf(counts, counts.length * 2);
                }
                counts[id]++;
                ids[k] = id;
            }
            featureIds.add(ids);
            goldTags.add(sentence.tags().stream().mapToInt(BioTags::index).toArray());
        }
        this.index = frequent(seen, counts, featureIds);
        transitionBase = index.size() * T;
        int size = transitionBase + (T + 1) * T;
        weights = new int[size];
        totals = new long[size];
        stamps = new int[size];
    }

    /**
     * The features of {@code seen} counted at least {@link #MIN_COUNT} times, numbered anew in first-seen order;
     * {@code idLists} are rewritten to the new ids ({@link #DROPPED} for the others).
     */
    private static FeatureIndex frequent(FeatureIndex seen, int[] counts, List<int[]> idLists) {
        long[] keys = seen.keysById();
        int[] newIds = new int[keys.length];
        FeatureIndex kept = new FeatureIndex(keys.length / 2);
        for (int id = 0; id < keys.length; id++) {
            newIds[id] = counts[id] >= MIN_COUNT ? kept.add(keys[id]) : DROPPED;
        }
        for (int[] ids : idLists) {
            for (int k = 0; k < ids.length; k++) {
                ids[k] = newIds[ids[k]];
            }
        }
        return kept;
    }

    PerceptronTagger train(int epochs, PerceptronTagger.EpochListener afterEpoch) {
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < featureIds.size(); s++) {
            order.add(s);
        }
        Random random = new Random(SEED);
        PerceptronTagger tagger = averaged();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Collections.shuffle(order, random);
            for (int s : order) {
                learn(featureIds.get(s), goldTags.get(s));
                step++;
            }
            tagger = averaged();
            afterEpoch.afterEpoch(epoch, tagger);
        }
        return tagger;
    }

    private void learn(int[] ids, int[] gold) {
        int n = gold.length;
        double[] emission = new double[n * T];
        for (int i = 0; i < n; i++) {
            for (int k = i * CharFeatures.PER_CHAR, end = k + CharFeatures.PER_CHAR; k < end; k++) {
                if (ids[k] == DROPPED) {
                    continue;
                }
                int w = ids[k] * T;
                for (int t = 0; t < T; t++) {
                    emission[i * T + t] += weights[w + t];
                }
            }
        }
        double[] transition = new double[(T + 1) * T];
        for (int j = 0; j < transition.length; j++) {
            transition[j] = weights[transitionBase + j];
        }
        int[] predicted = Viterbi.decode(emission, transition, n);
        for (int i = 0; i < n; i++) {
            int previousGold = i == 0 ? T : gold[i - 1];
            int previousPredicted = i == 0 ? T : predicted[i - 1];
            if (gold[i] != predicted[i]) {
                for (int k = i * CharFeatures.PER_CHAR, end = k + CharFeatures.PER_CHAR; k < end; k++) {
                    if (ids[k] != DROPPED) {
                        update(ids[k] * T + gold[i], 1);
                        update(ids[k] * T + predicted[i], -1);
                    }
                }
            }
            if (gold[i] != predicted[i] || previousGold != previousPredicted) {
                update(transitionBase + previousGold * T + gold[i], 1);
                update(transitionBase + previousPredicted * T + predicted[i], -1);
            }
        }
    }

    private void update(int j, int delta) {
        totals[j] += (long) (step - stamps[j]) * weights[j];
        stamps[j] = step;
        weights[j] += delta;
    }

    /** The averaged model, keeping only features with a non-zero weight (most never take part in an update). */
    private PerceptronTagger averaged() {
        double steps = Math.max(1, step);
        long[] keys = index.keysById();
        FeatureIndex kept = new FeatureIndex(keys.length / 4);
        float[] observation = new float[transitionBase];
        for (int id = 0; id < keys.length; id++) {
            int from = id * T;
            boolean used = false;
            for (int t = 0; t < T; t++) {
                used |= weights[from + t] != 0 || totals[from + t] != 0;
            }
            if (used) {
                int to = kept.add(keys[id]) * T;
                for (int t = 0; t < T; t++) {
                    observation[to + t] = (float) (average(from + t) / steps);
                }
            }
        }
        double[] transition = new double[(T + 1) * T];
        for (int j = 0; j < transition.length; j++) {
            transition[j] = average(transitionBase + j) / steps;
        }
        return new PerceptronTagger(features, kept, Arrays.copyOf(observation, kept.size() * T), transition);
    }

    private double average(int j) {
        return totals[j] + (double) (step - stamps[j]) * weights[j];
    }
}
