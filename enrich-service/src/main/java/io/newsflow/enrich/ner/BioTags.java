package io.newsflow.enrich.ner;

import java.util.List;

/** The seven BIO tags of the tagger, by index, and which tag may follow which. */
public final class BioTags {
    public static final List<String> NAMES = List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG");
    public static final int COUNT = NAMES.size();
    public static final int O = 0;

    private BioTags() {
    }

    public static int index(String tag) {
        int index = NAMES.indexOf(tag);
        if (index < 0) {
            throw new IllegalArgumentException("unknown BIO tag '" + tag + "'");
        }
        return index;
    }

    public static String name(int index) {
        return NAMES.get(index);
    }

    /** An I- tag is legal only directly after B- or I- of the same type; {@code previous < 0} is the sentence start. */
    public static boolean allowed(int previous, int tag) {
        if (tag == O || tag % 2 == 1) {
            return true;
        }
        return previous == tag - 1 || previous == tag;
    }
}
