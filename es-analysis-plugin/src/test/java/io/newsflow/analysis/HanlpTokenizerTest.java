package io.newsflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.analysis.Tokens.Result;
import io.newsflow.analysis.Tokens.Tok;
import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.junit.jupiter.api.Test;

class HanlpTokenizerTest {

    private final Tokenizer tokenizer = new HanlpTokenizerFactory(() -> "").create();

    /** Every token's offsets must select exactly its text in the original: highlighting relies on it. */
    private static void assertOffsetsMatch(String text, Result result) {
        for (Tok t : result.tokens()) {
            assertThat(text.substring(t.start(), t.end())).as("offsets of %s", t).isEqualTo(t.term());
            assertThat(t.posInc()).as("position increment of %s", t).isEqualTo(1);
        }
        assertThat(result.finalOffset()).isEqualTo(text.length());
        for (int i = 1; i < result.tokens().size(); i++) {
            assertThat(result.tokens().get(i).start()).isGreaterThanOrEqualTo(result.tokens().get(i - 1).end());
        }
    }

    @Test
    void segmentsTitleAndName() throws IOException {
        String text = "市委书记杜小刚主持召开会议";
        Result r = Tokens.run(tokenizer, text);
        assertThat(r.terms()).containsExactly("市委", "书记", "杜小刚", "主持", "召开", "会议");
        assertThat(r.tokens().get(2)).isEqualTo(new Tok("杜小刚", 4, 7, 1, "nr"));
        assertOffsetsMatch(text, r);
    }

    @Test
    void dropsPunctuationAndKeepsOffsetsAfterIt() throws IOException {
        String text = "本报讯（记者 高美梅）12月20日，“好！”——市委召开会议。";
        Result r = Tokens.run(tokenizer, text);
        assertThat(r.terms()).contains("本报讯", "记者", "高美梅", "市委", "会议")
                .noneMatch(t -> t.isBlank() || t.matches("\\p{P}+"));
        assertOffsetsMatch(text, r);
    }

    @Test
    void mixedAsciiDigitsAndFullWidth() throws IOException {
        String text = "iPhone15于2024年发布, 增长3.5%，ＡＢＣ公司 CEO说OK";
        Result r = Tokens.run(tokenizer, text);
        assertThat(r.terms()).contains("iPhone", "15", "2024", "3.5", "ＡＢＣ", "CEO", "公司");
        assertOffsetsMatch(text, r);
    }

    @Test
    void lineBreaksAndBlankLines() throws IOException {
        String text = "市委书记杜\n小刚主持\r\n\r\n召开会议\n\n\t　全文完\n";
        Result r = Tokens.run(tokenizer, text);
        assertThat(r.terms()).contains("市委", "书记", "会议").allMatch(Tokens::noWhitespace);
        assertOffsetsMatch(text, r);
    }

    @Test
    void emptyAndPunctuationOnlyInputGiveNoTokens() throws IOException {
        assertThat(Tokens.run(tokenizer, "").tokens()).isEmpty();
        String text = " ，。\n！？…… ";
        Result r = Tokens.run(tokenizer, text);
        assertThat(r.tokens()).isEmpty();
        assertThat(r.finalOffset()).isEqualTo(text.length());
    }

    @Test
    void longInputReadInPiecesSegmentsLikeShortInput() throws IOException {
        String sentence = "市委书记杜小刚主持召开会议，研究部署2024年经济工作。\n";
        Result one = Tokens.run(tokenizer, sentence);
        String text = sentence.repeat(2000); // ~56,000 chars
        Result all = Tokens.run(tokenizer, tokenizer, Tokens.trickle(text, 7000));
        assertThat(all.tokens()).hasSize(one.tokens().size() * 2000);
        for (int i = 0; i < 2000; i += 499) {
            assertThat(all.terms().subList(i * one.tokens().size(), (i + 1) * one.tokens().size()))
                    .isEqualTo(one.terms());
        }
        assertOffsetsMatch(text, all);
    }

    @Test
    void runWithoutBoundariesIsCutSafelyEvenInsideSurrogatePairs() throws IOException {
        // No line break or sentence end anywhere, and a supplementary character (two chars) straddling
        // every possible forced cut: offsets must still be exact and no half surrogate may be emitted.
        String text = ("会议" + "\uD840\uDC00" + "ab").repeat(HanlpTokenizer.MAX_CHUNK);
        Result r = Tokens.run(tokenizer, tokenizer, Tokens.trickle(text, 4096));
        assertOffsetsMatch(text, r);
        assertThat(r.terms()).noneMatch(t -> Character.isSurrogate(t.charAt(0)) && t.length() == 1);
        assertThat(String.join("", r.terms())).isEqualTo(text);
    }

    @Test
    void tokenizerIsReusable() throws IOException {
        Result first = Tokens.run(tokenizer, "杜小刚主持召开会议");
        Tokens.run(tokenizer, "完全不同的一段文字，含标点。");
        Result again = Tokens.run(tokenizer, "杜小刚主持召开会议");
        assertThat(again).isEqualTo(first);
    }
}
