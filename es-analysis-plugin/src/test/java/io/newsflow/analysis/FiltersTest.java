package io.newsflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.Tokens.Result;
import io.newsflow.analysis.Tokens.Tok;
import java.io.IOException;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;

class FiltersTest {

    private static final CjkBigramFilterFactory BIGRAMS = new CjkBigramFilterFactory(() -> false);

    @Test
    void bigramsOverlapAfterStandardTokenizer() throws IOException {
        Tokenizer standard = new StandardTokenizer();
        Result r = Tokens.run(standard, BIGRAMS.create(standard), "市委书记杜小刚");
        assertThat(r.terms()).containsExactly("市委", "委书", "书记", "记杜", "杜小", "小刚");
        assertThat(r.tokens().get(4)).isEqualTo(new Tok("杜小", 4, 6, 1, "<DOUBLE>"));
    }

    @Test
    void bigramsStopAtNonCjkAndPunctuation() throws IOException {
        Tokenizer standard = new StandardTokenizer();
        String text = "杜小刚abc会议，主持";
        Result r = Tokens.run(standard, BIGRAMS.create(standard), text);
        assertThat(r.terms()).containsExactly("杜小", "小刚", "abc", "会议", "主持");
        for (Tok t : r.tokens()) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.term());
        }
    }

    @Test
    void singleCharacterStaysUnlessUnigramsRequested() throws IOException {
        Tokenizer standard = new StandardTokenizer();
        assertThat(Tokens.run(standard, BIGRAMS.create(standard), "杜 会议").terms()).containsExactly("杜", "会议");

        CjkBigramFilterFactory withUnigrams = new CjkBigramFilterFactory(() -> true);
        Tokenizer again = new StandardTokenizer();
        assertThat(Tokens.run(again, withUnigrams.create(again), "会议").terms()).containsExactly("会", "会议", "议");
    }

    @Test
    void bigramFilterPassesHanlpWordsThrough() throws IOException {
        // Documented limitation: HanLP tokens are not typed as ideographs, so nothing is split.
        Tokenizer hanlp = new HanlpTokenizerFactory(() -> "").create();
        assertThat(Tokens.run(hanlp, BIGRAMS.create(hanlp), "市委书记杜小刚").terms())
                .containsExactly("市委", "书记", "杜小刚");
    }

    @Test
    void widthFoldsFullWidthAsciiAndHalfWidthKatakana() throws IOException {
        Tokenizer ws = new WhitespaceTokenizer();
        TokenStream width = new CjkWidthFilterFactory().create(ws);
        Result r = Tokens.run(ws, width, "ＡＢＣ１２３ ｶﾀｶﾅ ｶﾞｲﾄﾞ 中文");
        assertThat(r.terms()).containsExactly("ABC123", "カタカナ", "ガイド", "中文");
        assertThat(r.tokens().get(0).end()).isEqualTo(6);
    }

    @Test
    void widthNormalizeIsTheSameFolding() throws IOException {
        Tokenizer ws = new WhitespaceTokenizer();
        TokenStream normalized = new CjkWidthFilterFactory().normalize(ws);
        assertThat(Tokens.run(ws, normalized, "ｉＰｈｏｎｅ").terms()).containsExactly("iPhone");
    }

    @Test
    void bodyAnalyzerChainKeepsOriginalOffsets() throws IOException {
        // newsflow_hanlp + newsflow_cjk_width + lowercase, as the index mapping uses it
        Tokenizer hanlp = new HanlpTokenizerFactory(() -> "").create();
        TokenStream chain = new LowerCaseFilter(new CjkWidthFilterFactory().create(hanlp));
        String text = "ＡＢＣ公司的CEO杜小刚";
        Result r = Tokens.run(hanlp, chain, text);
        assertThat(r.terms()).contains("abc", "ceo", "杜小刚");
        Tok abc = r.tokens().get(0);
        assertThat(text.substring(abc.start(), abc.end())).isEqualTo("ＡＢＣ");
    }
}
