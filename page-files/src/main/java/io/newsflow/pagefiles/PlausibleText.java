package io.newsflow.pagefiles;

/**
 * Whether decoded text can be a page of a Chinese newspaper. A page that fails would reach the enrichment as
 * zero articles without a word, so it is refused with the reason instead:
 * <ul>
 * <li>{@code implausible-text}: more than a fifth (and more than two) of its Chinese-script characters are rare,
 * private-use, unassigned or kana, or most of its letters are accented Latin: what text read with the wrong
 * charset looks like (well-decoded pages have well under 1 % of such characters);</li>
 * <li>{@code not-chinese}: Chinese characters are fewer than one in ten of its letters;</li>
 * <li>{@code too-short}: fewer than {@value #MIN_CHINESE_CHARACTERS} Chinese characters, too few for an article.</li>
 * </ul>
 */
final class PlausibleText {
    /** Fewer Chinese characters than this cannot hold an article (the opener 本报讯 alone has three). */
    static final int MIN_CHINESE_CHARACTERS = 5;
    /** At most this share of a page's Chinese-script characters may be rare or odd. */
    private static final int MAX_UNLIKELY_PERCENT = 20;
    /** Chinese characters must be at least this share of the letters. */
    private static final int MIN_CHINESE_PERCENT_OF_LETTERS = 10;

    private PlausibleText() {
    }

    /**
     * @param tried what else was tried, for the message ({@code "; Big5 does not decode it"}), or empty
     * @throws NotTextException with reason {@code IMPLAUSIBLE_TEXT}, {@code NOT_CHINESE} or {@code TOO_SHORT}
     */
    static void check(DecodedText decoded, TextProfile profile, String tried) throws NotTextException {
        String type = "text/plain; charset=" + decoded.charset();
        int unlikely = profile.cjk() - profile.commonChinese();
        if (unlikely > 2 && unlikely * 100 > profile.cjk() * MAX_UNLIKELY_PERCENT) {
            throw new NotTextException(NotTextException.Reason.IMPLAUSIBLE_TEXT, type,
                    "the text decoded as %s is implausible: %d of its %d Chinese-script characters (%d %%) are rare, private-use, unassigned or kana, as in text read with the wrong charset%s"
                            .formatted(decoded.charset(), unlikely, profile.cjk(), percent(unlikely, profile.cjk()), tried));
        }
        if (profile.letters() >= 20 && profile.accentedLatin() * 2 > profile.letters()) {
            throw new NotTextException(NotTextException.Reason.IMPLAUSIBLE_TEXT, type,
                    "the text decoded as %s is implausible: %d of its %d letters (%d %%) are accented Latin letters such as æ and å, as in UTF-8 read as a Western charset and saved again"
                            .formatted(decoded.charset(), profile.accentedLatin(), profile.letters(),
                                    percent(profile.accentedLatin(), profile.letters())));
        }
        if (profile.chinese() * 100 < profile.letters() * MIN_CHINESE_PERCENT_OF_LETTERS) {
            throw new NotTextException(NotTextException.Reason.NOT_CHINESE, type,
                    "the text is hardly Chinese: %d Chinese characters among %d letters (less than %d %%); pages must be Chinese text"
                            .formatted(profile.chinese(), profile.letters(), MIN_CHINESE_PERCENT_OF_LETTERS));
        }
        if (profile.chinese() < MIN_CHINESE_CHARACTERS) {
            throw new NotTextException(NotTextException.Reason.TOO_SHORT, type,
                    "the text has %d Chinese character%s, too few for an article (at least %d)"
                            .formatted(profile.chinese(), profile.chinese() == 1 ? "" : "s", MIN_CHINESE_CHARACTERS));
        }
    }

    private static long percent(int part, int whole) {
        return Math.round(100.0 * part / whole);
    }
}
