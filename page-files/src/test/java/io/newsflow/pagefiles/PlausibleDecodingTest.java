package io.newsflow.pagefiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decoding says when it is unsure: pages made from the samples' known text in the right charset decode to that
 * text, and the same text in the wrong charset, in no Chinese at all or too short for an article is refused with
 * the reason, never passed on as mojibake or as a page without articles.
 */
class PlausibleDecodingTest {
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private final PageDecoder decoder = new PageDecoder();

    @Test
    void theSamplesDecodeToTheirTextInUtf8AndInGb18030() throws Exception {
        for (String text : SamplePages.texts()) {
            assertThat(decoder.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(new DecodedText(text, "UTF-8"));
            assertThat(decoder.decode(text.getBytes(GB18030))).isEqualTo(new DecodedText(text, "GB18030"));
        }
    }

    @Test
    void big5PagesDecodeAsBig5ToTheirText() throws Exception {
        for (String sample : SamplePages.texts()) {
            String text = SamplePages.representable(sample, BIG5);

            assertThat(decoder.decode(text.getBytes(BIG5))).isEqualTo(new DecodedText(text, "Big5"));
        }
    }

    @Test
    void big5PagesWithHongKongCharactersDecodeAsBig5Hkscs() throws Exception {
        // 嘅 咗 啲 are in HKSCS only: plain Big5 cannot decode these bytes
        String text = SamplePages.representable(SamplePages.texts().get(0), BIG5) + "\n佢哋話嘅嘢，我哋聽咗啲。\n";

        assertThat(decoder.decode(text.getBytes(BIG5_HKSCS))).isEqualTo(new DecodedText(text, "Big5-HKSCS"));
    }

    /** Line by line (a dozen characters each), where a wrong charset has the least text to show itself in. */
    @Test
    void everyLineOfTheSamplesInBig5OrGb18030IsDecodedToItsTextOrRefusedNeverMisread() {
        int lines = 0;
        for (String sample : SamplePages.texts()) {
            for (String line : sample.lines().toList()) {
                String big5 = SamplePages.representable(line, BIG5);
                if (TextProfile.of(big5).chinese() >= PlausibleText.MIN_CHINESE_CHARACTERS) {
                    assertDecodedToItselfOrRefused(big5, big5.getBytes(BIG5));
                    assertDecodedToItselfOrRefused(line, line.getBytes(GB18030));
                    lines++;
                }
            }
        }
        assertThat(lines).isGreaterThan(500);
    }

    private void assertDecodedToItselfOrRefused(String text, byte[] bytes) {
        try {
            assertThat(decoder.decode(bytes).text()).as("decoded text of %s", text).isEqualTo(text);
        } catch (NotTextException refused) {
            assertThat(refused.reason()).isIn(NotTextException.Reason.IMPLAUSIBLE_TEXT, NotTextException.Reason.TOO_SHORT);
        }
    }

    @Test
    void utf8ReadAsGbkAndSavedAgainIsImplausible() {
        for (String text : SamplePages.texts()) {
            assertRefused(SamplePages.misreadAndSavedAsUtf8(text.getBytes(StandardCharsets.UTF_8), GB18030),
                    NotTextException.Reason.IMPLAUSIBLE_TEXT, "are rare, private-use, unassigned or kana");
        }
    }

    @Test
    void big5ReadAsGbkAndSavedAgainIsImplausible() {
        for (String text : SamplePages.texts()) {
            byte[] big5 = SamplePages.representable(text, BIG5).getBytes(BIG5);

            assertRefused(SamplePages.misreadAndSavedAsUtf8(big5, GB18030), NotTextException.Reason.IMPLAUSIBLE_TEXT,
                    "the text decoded as UTF-8 is implausible");
        }
    }

    @Test
    void utf8ReadAsAWesternCharsetAndSavedAgainIsImplausible() {
        for (String text : SamplePages.texts()) {
            assertRefused(SamplePages.misreadAndSavedAsUtf8(text.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252")),
                    NotTextException.Reason.IMPLAUSIBLE_TEXT, "implausible");
        }
    }

    @Test
    void big5BytesThatBig5CannotDecodeAreRefusedRatherThanReadAsGbk() {
        // a Big5 page with one GBK character: no Big5 decodes it, GB18030 does, into mojibake
        byte[] big5 = SamplePages.representable(SamplePages.texts().get(1), BIG5).getBytes(BIG5);
        byte[] withGbk = (new String(big5, StandardCharsets.ISO_8859_1) + "\u0081\u0040")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(withGbk, NotTextException.Reason.IMPLAUSIBLE_TEXT,
                "the text decoded as GB18030 is implausible");
        assertRefused(withGbk, NotTextException.Reason.IMPLAUSIBLE_TEXT, "of GB18030 and Big5, this was the more plausible reading");
    }

    @Test
    void englishTextIsNotChinese() {
        String english = """
                Wuxi and Lianyungang signed a strategic cooperation agreement in Nanjing on the afternoon of
                December 20. The governor attended and witnessed the signing, together with the party secretaries
                of both cities and the heads of the provincial departments concerned.
                """;

        assertRefused(english.getBytes(StandardCharsets.UTF_8), NotTextException.Reason.NOT_CHINESE, "hardly Chinese: 0 Chinese characters");
        assertRefused((english + "无锡 连云港\n").getBytes(StandardCharsets.UTF_8), NotTextException.Reason.NOT_CHINESE,
                "hardly Chinese: 5 Chinese characters");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void fewerThanFiveChineseCharactersAreTooShortForAnArticle(int characters) {
        String start = firstChineseCharacters(SamplePages.texts().get(3), characters);

        assertRefused(start.getBytes(StandardCharsets.UTF_8), NotTextException.Reason.TOO_SHORT, "too few for an article (at least 5)");
        assertRefused(start.getBytes(GB18030), NotTextException.Reason.TOO_SHORT, "too few for an article");
    }

    @Test
    void fiveChineseCharactersAreEnough() throws Exception {
        String start = firstChineseCharacters(SamplePages.texts().get(3), 5);

        assertThat(decoder.decode(start.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(start);
    }

    @Test
    void aFewRareCharactersOrOddSymbolsInARealPageDoNotMakeItImplausible() throws Exception {
        // a name in a rare character, a private-use glyph from the PDF's font, a Japanese brand name
        String text = SamplePages.texts().get(2) + "\n𠮷野家（\uE000）在鄞州开业，店名写作すき家。\n";

        assertThat(decoder.decode(text.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
        assertThat(decoder.decode(text.getBytes(GB18030)).text()).isEqualTo(text);
    }

    /** The first {@code count} Chinese characters of {@code text}, with what stands between them. */
    private static String firstChineseCharacters(String text, int count) {
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN && ++seen == count) {
                return text.substring(0, i + 1);
            }
        }
        throw new IllegalArgumentException("fewer than " + count + " Chinese characters");
    }

    private void assertRefused(byte[] bytes, NotTextException.Reason reason, String message) {
        assertThatThrownBy(() -> decoder.decode(bytes))
                .isInstanceOfSatisfying(NotTextException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
