package io.newsflow.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** Runs token streams through the full Lucene contract (reset, incrementToken, end, close). */
final class Tokens {

    record Tok(String term, int start, int end, int posInc, String type) {}

    record Result(List<Tok> tokens, int finalOffset) {
        List<String> terms() {
            return tokens.stream().map(Tok::term).toList();
        }
    }

    private Tokens() {}

    static Result run(Tokenizer tokenizer, TokenStream stream, Reader reader) throws IOException {
        tokenizer.setReader(reader);
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        PositionIncrementAttribute posInc = stream.addAttribute(PositionIncrementAttribute.class);
        TypeAttribute type = stream.addAttribute(TypeAttribute.class);
        List<Tok> out = new ArrayList<>();
        try {
            stream.reset();
            while (stream.incrementToken()) {
                out.add(new Tok(term.toString(), offset.startOffset(), offset.endOffset(),
                        posInc.getPositionIncrement(), type.type()));
            }
            stream.end();
            return new Result(out, offset.endOffset());
        } finally {
            stream.close();
        }
    }

    static Result run(Tokenizer tokenizer, TokenStream stream, String text) throws IOException {
        return run(tokenizer, stream, new StringReader(text));
    }

    static Result run(Tokenizer tokenizer, String text) throws IOException {
        return run(tokenizer, tokenizer, text);
    }

    static boolean noWhitespace(String term) {
        return term.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp));
    }

    /** A reader that hands out at most {@code max} characters per read, like a slow stream would. */
    static Reader trickle(String text, int max) {
        return new StringReader(text) {
            private int call;

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                int n = 1 + (call++ % max);
                return super.read(cbuf, off, Math.min(len, n));
            }
        };
    }
}
