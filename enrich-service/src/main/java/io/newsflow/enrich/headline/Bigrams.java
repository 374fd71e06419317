package io.newsflow.enrich.headline;

import java.util.HashSet;
import java.util.Set;

/** Distinct character bigrams of text, skipping pairs that touch punctuation or spaces (they carry no content). */
final class Bigrams {
    private Bigrams() {
    }

    static Set<String> of(String text) {
        Set<String> bigrams = new HashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if (Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b)) {
                bigrams.add(text.substring(i, i + 2));
            }
        }
        return bigrams;
    }
}
