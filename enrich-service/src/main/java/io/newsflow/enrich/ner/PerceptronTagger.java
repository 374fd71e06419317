package io.newsflow.enrich.ner;

import com.hankcs.hanlp.seg.common.Term;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Character-level BIO tagger for PER/LOC/ORG: an averaged structured perceptron over {@link CharFeatures}, decoded
 * by {@link Viterbi}. Weights live in one flat array, {@code feature id * T + tag}, then the transition block.
 * Immutable after construction; {@link #tag} may be called from several threads.
 */
public final class PerceptronTagger {
    private static final int MAGIC = 0x4E464E52; // "NFNR"
    private static final int FORMAT = 2; // 2: 30 features a character (HanLP role dictionaries)
    private static final int T = BioTags.COUNT;

    private final CharFeatures features;
    private final FeatureIndex index;
    private final float[] weights;
    private final double[] transition;

    PerceptronTagger(CharFeatures features, FeatureIndex index, float[] weights, double[] transition) {
        if (weights.length != index.size() * T || transition.length != (T + 1) * T) {
            throw new IllegalArgumentException("weights do not match " + index.size() + " features");
        }
        this.features = features;
        this.index = index;
        this.weights = weights;
        this.transition = transition;
    }

    /** Trains for {@code epochs} passes over {@code sentences} (shuffled with a fixed seed: the result is reproducible). */
    public static PerceptronTagger train(List<TaggedSentence> sentences, int epochs) {
        return train(sentences, epochs, (epoch, tagger) -> { });
    }

    /** As {@link #train(List, int)}, handing the averaged model of every epoch to {@code afterEpoch}. */
    public static PerceptronTagger train(List<TaggedSentence> sentences, int epochs, EpochListener afterEpoch) {
        return new PerceptronTrainer(new CharFeatures(), sentences).train(epochs, afterEpoch);
    }

    /** One BIO tag per character of {@code text}. */
    public List<String> tag(String text) {
        return tagNames(tagIndexes(text));
    }

    /** The PER/LOC/ORG spans of {@code text}. */
    public List<EntitySpan> entities(String text) {
        return EntitySpans.of(text, tag(text));
    }

    /** HanLP's words of {@code text} as the model's features see them: segment once, then tag and reuse the words. */
    public List<Term> segment(String text) {
        return features.segment(text);
    }

    /** The PER/LOC/ORG spans of {@code text}, whose words {@link #segment(String)} gave. */
    public List<EntitySpan> entities(String text, List<Term> words) {
        return EntitySpans.of(text, tagNames(decode(features.extract(text, words), text.length())));
    }

    private static List<String> tagNames(int[] tags) {
        List<String> names = new ArrayList<>(tags.length);
        for (int t : tags) {
            names.add(BioTags.name(t));
        }
        return names;
    }

    int[] tagIndexes(String text) {
        return decode(features.extract(text), text.length());
    }

    /** Best tags for {@code n} characters given their {@link CharFeatures} keys. */
    int[] decode(long[] keys, int n) {
        double[] emission = new double[n * T];
        for (int i = 0; i < n; i++) {
            int row = i * T;
            for (int k = i * CharFeatures.PER_CHAR, end = k + CharFeatures.PER_CHAR; k < end; k++) {
                int id = index.get(keys[k]);
                if (id >= 0) {
                    int w = id * T;
                    for (int t = 0; t < T; t++) {
                        emission[row + t] += weights[w + t];
                    }
                }
            }
        }
        return Viterbi.decode(emission, transition, n);
    }

    int featureCount() {
        return index.size();
    }

    /** Writes the model as gzip-compressed binary: header, feature keys, weights, transitions. */
    public void save(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(T);
            out.writeInt(CharFeatures.PER_CHAR);
            long[] keys = index.keysById();
            out.writeInt(keys.length);
            for (long key : keys) {
                out.writeLong(key);
            }
            for (float w : weights) {
                out.writeFloat(w);
            }
            for (double w : transition) {
                out.writeDouble(w);
            }
        }
    }

    public static PerceptronTagger load(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            return load(raw, file.toString());
        }
    }

    /** Reads a model written by {@link #save}; {@code name} only labels error messages. */
    public static PerceptronTagger load(InputStream source, String name) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException(name + " is not a newsflow NER model (format " + FORMAT + ")");
        }
        if (in.readInt() != T || in.readInt() != CharFeatures.PER_CHAR) {
            throw new IOException(name + " was trained with other tags or features than this version uses");
        }
        int size = in.readInt();
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = in.readLong();
        }
        float[] weights = new float[size * T];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        double[] transition = new double[(T + 1) * T];
        for (int i = 0; i < transition.length; i++) {
            transition[i] = in.readDouble();
        }
        return new PerceptronTagger(new CharFeatures(), FeatureIndex.of(keys), weights, transition);
    }

    /** Receives the averaged model after each training epoch (1-based). */
    @FunctionalInterface
    public interface EpochListener {
        void afterEpoch(int epoch, PerceptronTagger tagger);
    }
}
