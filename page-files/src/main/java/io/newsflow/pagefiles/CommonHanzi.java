package io.newsflow.pagefiles;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.BitSet;

/**
 * The Chinese characters of everyday text: the 3,755 of GB 2312 level 1 (the frequent Simplified characters,
 * rows 0xB0-0xD7) and the 5,401 of Big5's frequent level (0xA440-0xC67E, Traditional), read from the JDK's own
 * charsets. Together they cover more than 99 % of the characters of a newspaper page in either script, while text
 * decoded with the wrong one of these charsets lands mostly on rare characters, private-use code points and kana.
 */
final class CommonHanzi {
    private static final BitSet COMMON = build();

    private CommonHanzi() {
    }

    static boolean contains(int codePoint) {
        return codePoint < 0x10000 && COMMON.get(codePoint);
    }

    private static BitSet build() {
        BitSet common = new BitSet(0x10000);
        addDecoded(common, Charset.forName("GB2312"), 0xB0, 0xD7, new int[][]{{0xA1, 0xFE}}, 0xD7F9);
        addDecoded(common, Charset.forName("Big5"), 0xA4, 0xC6, new int[][]{{0x40, 0x7E}, {0xA1, 0xFE}}, 0xC67E);
        return common;
    }

    /** Decodes every two-byte code from {@code firstLead} to {@code last} whose trail byte lies in {@code trails}. */
    private static void addDecoded(BitSet common, Charset charset, int firstLead, int lastLead, int[][] trails, int last) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] pair = new byte[2];
        for (int lead = firstLead; lead <= lastLead; lead++) {
            for (int[] range : trails) {
                for (int trail = range[0]; trail <= range[1] && (lead << 8 | trail) <= last; trail++) {
                    pair[0] = (byte) lead;
                    pair[1] = (byte) trail;
                    try {
                        CharBuffer decoded = decoder.reset().decode(ByteBuffer.wrap(pair));
                        if (decoded.length() == 1 && Character.UnicodeScript.of(decoded.charAt(0)) == Character.UnicodeScript.HAN) {
                            common.set(decoded.charAt(0));
                        }
                    } catch (CharacterCodingException e) {
                        // an unassigned code of the range (GB 2312 ends its level 1 at 0xD7F9)
                    }
                }
            }
        }
    }
}
