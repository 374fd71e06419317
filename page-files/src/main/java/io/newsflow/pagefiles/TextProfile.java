package io.newsflow.pagefiles;

/**
 * What a decoded text is made of, counted in one pass: how plausible it is as Chinese text, and so whether the
 * charset that decoded it was the right one.
 *
 * @param chinese        code points of the Han script
 * @param commonChinese  of those, the ones of everyday text ({@link CommonHanzi})
 * @param odd            code points that correctly decoded Chinese text hardly has: private-use, unassigned, the
 *                       replacement character U+FFFD, lone surrogates, kana and hangul (Big5 read as GBK gives kana)
 * @param letters        letters of any script, Chinese characters included
 * @param accentedLatin  Latin letters U+00C0-U+024F (UTF-8 read as a Western charset is mostly these)
 */
public record TextProfile(int chinese, int commonChinese, int odd, int letters, int accentedLatin) {

    public static TextProfile of(CharSequence text) {
        int chinese = 0;
        int common = 0;
        int odd = 0;
        int letters = 0;
        int accented = 0;
        int length = text.length();
        for (int i = 0; i < length; ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (c < 0x80) {
                // ASCII first: most of a page that is not Chinese characters
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    letters++;
                }
            } else if (c >= 0x4E00 && c <= 0x9FFF) {
                // the CJK Unified Ideographs block: all Han, all letters
                chinese++;
                letters++;
                if (CommonHanzi.contains(c)) {
                    common++;
                }
            } else {
                if (Character.isLetter(c)) {
                    letters++;
                    if (c >= 0xC0 && c <= 0x24F) {
                        accented++;
                    }
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.HAN) {
                    chinese++;
                    if (CommonHanzi.contains(c)) {
                        common++;
                    }
                } else if (isOdd(c, script)) {
                    odd++;
                }
            }
        }
        return new TextProfile(chinese, common, odd, letters, accented);
    }

    private static boolean isOdd(int c, Character.UnicodeScript script) {
        int type = Character.getType(c);
        return type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.SURROGATE || c == 0xFFFD
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }

    /** Chinese characters plus odd code points: where a text in the wrong charset shows. */
    public int cjk() {
        return chinese + odd;
    }

    /** Share of {@link #cjk()} that is common Chinese characters, from 0 to 1 (0 without any). */
    public double plausibility() {
        return cjk() == 0 ? 0 : (double) commonChinese / cjk();
    }
}
