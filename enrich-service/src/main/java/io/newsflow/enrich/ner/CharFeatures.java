package io.newsflow.enrich.ner;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.List;

/**
 * Observation features of each character of a sentence, as 64-bit keys built without strings: the template number
 * in the top byte, its values (characters, HanLP word hashes, natures) packed below. Characters in a ±2 window
 * (unigrams, bigrams, the -1/+1 skip pair and the centred trigram) and, from HanLP's segmentation with person-name
 * recognition, the character's position in its word (B/M/E/S), its offset in the word and the word's length, the
 * word's nature, the neighbouring words' natures and the words themselves. Last, the {@link CharacterRoles} of the
 * characters in a ±2 window (HanLP's person, place and organisation role dictionaries), which generalise to names
 * the training files never show.
 */
public final class CharFeatures {
    /** Features per character; {@link #extract} returns {@code text.length() * PER_CHAR} keys. */
    public static final int PER_CHAR = 30;

    private static final long BOUNDARY_BEFORE = 0x10000;
    private static final long BOUNDARY_AFTER = 0x10001;
    private static final int BEGIN = 0;
    private static final int MIDDLE = 1;
    private static final int END = 2;
    private static final int SINGLE = 3;

    private final Segment segment;

    public CharFeatures() {
        // Person recognition only: HanLP's place and organisation recognisers cost ~40% of the segmentation speed
        // and did not raise held-out F1 (4 folds of the training files: micro 0.848 without them, 0.843 with).
        this.segment = HanLP.newSegment()
                .enableNameRecognize(true)
                .enableOffset(true);
        CharacterRoles.of(0); // reads HanLP's role dictionaries now, when the model loads, not on the first page
    }

    /** HanLP's words of {@code text}, as the features see them (offsets set). */
    public List<Term> segment(String text) {
        return segment.seg(text);
    }

    /** Feature keys, {@link #PER_CHAR} per character in order; the same text always gives the same keys. */
    public long[] extract(String text) {
        return extract(text, text.isEmpty() ? List.of() : segment(text));
    }

    /** As {@link #extract(String)}, with the words of {@link #segment(String)} already computed by the caller. */
    public long[] extract(String text, List<Term> terms) {
        int n = text.length();
        long[] keys = new long[n * PER_CHAR];
        if (n == 0) {
            return keys;
        }
        Words words = words(text, terms);
        for (int i = 0; i < n; i++) {
            long c2 = charAt(text, i - 2);
            long c1 = charAt(text, i - 1);
            long c0 = charAt(text, i);
            long n1 = charAt(text, i + 1);
            long n2 = charAt(text, i + 2);
            long position = words.position[i];
            long nature = words.nature[i];
            int k = i * PER_CHAR;
            keys[k++] = key(0, 1);
            keys[k++] = key(1, c2);
            keys[k++] = key(2, c1);
            keys[k++] = key(3, c0);
            keys[k++] = key(4, n1);
            keys[k++] = key(5, n2);
            keys[k++] = key(6, c2 << 17 | c1);
            keys[k++] = key(7, c1 << 17 | c0);
            keys[k++] = key(8, c0 << 17 | n1);
            keys[k++] = key(9, n1 << 17 | n2);
            keys[k++] = key(10, c1 << 17 | n1);
            keys[k++] = key(11, c1 << 34 | c0 << 17 | n1);
            keys[k++] = key(12, position);
            keys[k++] = key(13, nature);
            keys[k++] = key(14, nature << 2 | position);
            keys[k++] = key(15, mix(words.previousNature[i], nature));
            keys[k++] = key(16, mix(nature, words.nextNature[i]));
            keys[k++] = key(17, words.word[i] << 2 | position);
            keys[k++] = key(18, words.previousWord[i]);
            keys[k++] = key(19, words.nextWord[i]);
            keys[k++] = key(20, c0 << 32 | nature);
            keys[k++] = key(21, c0 << 2 | position);
            long shape = words.offset[i] << 4 | words.length[i];
            keys[k++] = key(22, nature << 8 | shape);
            keys[k++] = key(23, c0 << 8 | shape);
            long r2 = CharacterRoles.of(c2);
            long r1 = CharacterRoles.of(c1);
            long r0 = CharacterRoles.of(c0);
            long rn1 = CharacterRoles.of(n1);
            long rn2 = CharacterRoles.of(n2);
            keys[k++] = key(24, CharacterRoles.person(r0));
            keys[k++] = key(25, CharacterRoles.topPerson(r1) << 8 | CharacterRoles.topPerson(r0));
            keys[k++] = key(26, CharacterRoles.topPerson(r0) << 8 | CharacterRoles.topPerson(rn1));
            keys[k++] = key(27, CharacterRoles.placeAndOrganisation(r0));
            keys[k++] = key(28, CharacterRoles.placeAndOrganisation(r1) << 16 | CharacterRoles.placeAndOrganisation(r0));
            keys[k] = key(29, CharacterRoles.topPerson(rn2) << 32 | CharacterRoles.topPerson(r2) << 24
                    | CharacterRoles.topPerson(r1) << 16 | CharacterRoles.topPerson(r0) << 8 | CharacterRoles.topPerson(rn1));
        }
        return keys;
    }

    private static long key(int template, long value) {
        return (long) template << 56 | (value & 0x00FF_FFFF_FFFF_FFFFL);
    }

    private static long mix(long first, long second) {
        return first * 0x9E37_79B9_7F4A_7C15L ^ second;
    }

    private static long charAt(String text, int i) {
        if (i < 0) {
            return BOUNDARY_BEFORE;
        }
        return i < text.length() ? text.charAt(i) : BOUNDARY_AFTER;
    }

    private static Words words(String text, List<Term> terms) {
        int n = text.length();
        Words words = new Words(n);
        long previousNature = 0;
        long previousWord = 0;
        for (int t = 0; t < terms.size(); t++) {
            Term term = terms.get(t);
            long nature = natureHash(term);
            long word = hash(term.word);
            long nextNature = t + 1 < terms.size() ? natureHash(terms.get(t + 1)) : 1;
            long nextWord = t + 1 < terms.size() ? hash(terms.get(t + 1).word) : 1;
            int start = Math.max(0, Math.min(term.offset, n));
            int end = Math.min(n, start + term.length());
            for (int i = start; i < end; i++) {
                words.position[i] = end - start == 1 ? SINGLE : i == start ? BEGIN : i == end - 1 ? END : MIDDLE;
                words.nature[i] = nature;
                words.word[i] = word;
                words.previousNature[i] = previousNature;
                words.nextNature[i] = nextNature;
                words.previousWord[i] = previousWord;
                words.nextWord[i] = nextWord;
                words.offset[i] = Math.min(i - start, 15);
                words.length[i] = Math.min(end - start, 15);
            }
            previousNature = nature;
            previousWord = word;
        }
        return words;
    }

    private static long natureHash(Term term) {
        return term.nature == null ? 2 : hash(term.nature.toString());
    }

    private static long hash(String s) {
        return s.hashCode() & 0xFFFF_FFFFL;
    }

    /** Per-character view of HanLP's words. */
    private static final class Words {
        final int[] position;
        final long[] nature;
        final long[] word;
        final long[] previousNature;
        final long[] nextNature;
        final long[] previousWord;
        final long[] nextWord;
        final long[] offset;
        final long[] length;

        Words(int n) {
            position = new int[n];
            nature = new long[n];
            word = new long[n];
            previousNature = new long[n];
            nextNature = new long[n];
            previousWord = new long[n];
            nextWord = new long[n];
            offset = new long[n];
            length = new long[n];
        }
    }
}
