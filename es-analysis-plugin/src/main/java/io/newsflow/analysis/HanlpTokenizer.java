package io.newsflow.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.util.ArrayDeque;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Lucene tokenizer that segments Chinese text with HanLP's default segmenter ({@link HanLP#newSegment()}).
 *
 * <p>Offsets point into the original text (highlighting depends on them): HanLP terms are substrings of
 * the text it is given, so each term is located in its chunk instead of trusting {@code Term.offset},
 * which HanLP only fills in on request and would count from the chunk start anyway.
 *
 * <p>The input is read and segmented a chunk at a time, each chunk ending at a line break or a
 * sentence-final mark (where no word can span), so memory stays bounded for long documents. A chunk
 * without such a mark is cut at {@link #MAX_CHUNK} characters. Index and query text go through the
 * same code, so both sides see the same segmentation.
 *
 * <p>Terms made only of whitespace or punctuation are dropped; positions increase by one per kept term.
 * The token type is HanLP's part of speech (e.g. {@code nr}), which helps when reading {@code _analyze}.
 */
final class HanlpTokenizer extends Tokenizer {

    /** Longest run segmented at once when the text has no line break or sentence end. */
    static final int MAX_CHUNK = 8192;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

    // One segmenter per tokenizer: Lucene reuses a tokenizer on one thread at a time, and HanLP's
    // dictionaries are static, so this costs nothing and avoids sharing segmenter state across threads.
    private final Segment segment = HanLP.newSegment();

    private final char[] readBuffer = new char[4096];
    private final StringBuilder pending = new StringBuilder(); // read but not yet segmented
    private final ArrayDeque<Token> tokens = new ArrayDeque<>();
    private int pendingStart; // offset of pending.charAt(0) in the whole input
    private boolean inputExhausted;

    private record Token(String text, String type, int start, int end) {}

    HanlpTokenizer() {}

    @Override
    public boolean incrementToken() throws IOException {
        while (tokens.isEmpty()) {
            if (inputExhausted && pending.isEmpty()) {
                return false;
            }
            if (!inputExhausted) {
                int n = input.read(readBuffer);
                if (n < 0) {
                    inputExhausted = true;
                } else {
                    pending.append(readBuffer, 0, n);
                }
            }
            int cut = chunkEnd();
            if (cut > 0) {
                segmentChunk(cut);
            }
        }
        clearAttributes();
        Token t = tokens.removeFirst();
        termAtt.setEmpty().append(t.text());
        offsetAtt.setOffset(correctOffset(t.start()), correctOffset(t.end()));
        typeAtt.setType(t.type());
        return true;
    }

    /** How much of {@code pending} can be segmented now: 0 means read more first. */
    private int chunkEnd() {
        if (inputExhausted) {
            return pending.length();
        }
        for (int i = pending.length() - 1; i >= 0; i--) {
            if (isChunkBoundary(pending.charAt(i))) {
                return i + 1;
            }
        }
        if (pending.length() < MAX_CHUNK) {
            return 0;
        }
        // No natural boundary in a long stretch: cut anyway, but never between a surrogate pair.
        return Character.isHighSurrogate(pending.charAt(MAX_CHUNK - 1)) ? MAX_CHUNK - 1 : MAX_CHUNK;
    }

    private static boolean isChunkBoundary(char c) {
        return switch (c) {
            case '\n', '。', '！', '？', '；', '!', '?' -> true;
            default -> false;
        };
    }

    private void segmentChunk(int cut) {
        String chunk = pending.substring(0, cut);
        int cursor = 0;
        for (Term term : segment.seg(chunk)) {
            String word = term.word;
            int at = chunk.indexOf(word, cursor);
            if (at < 0) {
                // Cannot happen while HanLP normalisation is off; skip rather than emit wrong offsets.
                continue;
            }
            cursor = at + word.length();
            if (isIndexable(word)) {
                String type = term.nature == null ? "word" : term.nature.toString();
                tokens.addLast(new Token(word, type, pendingStart + at, pendingStart + cursor));
            }
        }
        pending.delete(0, cut);
        pendingStart += cut;
    }

    /** False for whitespace-only and punctuation-only terms, which carry nothing to search for. */
    static boolean isIndexable(String word) {
        return word.codePoints().anyMatch(cp -> !Character.isWhitespace(cp)
                && !Character.isSpaceChar(cp)
                && !Character.isISOControl(cp)
                && !isPunctuation(cp));
    }

    private static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    @Override
    public void end() throws IOException {
        super.end();
        int finalOffset = correctOffset(pendingStart + pending.length());
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.setLength(0);
        tokens.clear();
        pendingStart = 0;
        inputExhausted = false;
    }
}
