package io.newsflow.pagefiles;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the bytes of a page file. A byte-order mark decides (UTF-8, UTF-16 BE/LE); without one, UTF-8 when the
 * bytes are valid UTF-8; else whichever of GB18030 (a superset of GBK and GB2312) and Big5 (Big5-HKSCS when plain
 * Big5 does not decode the bytes) reads as the more plausible Chinese text, GB18030 when they are even. Nearly any
 * Big5 file is also valid GBK, so decoding alone cannot tell them apart: the characters it gives can
 * ({@link TextProfile}).
 * <p>
 * Refused with a reason: empty files, binary data (NUL bytes, or bytes no charset decodes), text with control
 * characters other than white space, and text that is no plausible Chinese page ({@link PlausibleText}: mojibake,
 * hardly any Chinese, too short for an article).
 */
public final class PageDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");

    /** Decoded text with its profile, computed once. */
    private record Candidate(DecodedText decoded, TextProfile profile) {
        static Candidate of(DecodedText decoded) {
            return new Candidate(decoded, TextProfile.of(decoded.text()));
        }
    }

    public DecodedText decode(byte[] bytes) throws NotTextException {
        if (bytes.length == 0) {
            throw new NotTextException(NotTextException.Reason.EMPTY, "empty", "the file is empty");
        }
        Candidate candidate = withByteOrderMark(bytes);
        if (candidate == null) {
            throw new NotTextException(NotTextException.Reason.BINARY, "binary",
                    "the bytes are not text: neither UTF-8, UTF-16 with a byte-order mark, GB18030 nor Big5");
        }
        DecodedText decoded = candidate.decoded();
        if (decoded.text().isBlank()) {
            throw new NotTextException(NotTextException.Reason.EMPTY, "empty", "the file holds only white space");
        }
        int control = firstControlCharacter(decoded.text());
        if (control >= 0) {
            throw new NotTextException(NotTextException.Reason.CONTROL_CHARACTERS, "text/plain; charset=" + decoded.charset(),
                    "control character U+%04X at character %d: not a text page".formatted((int) decoded.text().charAt(control), control));
        }
        PlausibleText.check(decoded, candidate.profile(), alsoTried(decoded.charset()));
        return decoded;
    }

    /** The text, or null when the bytes are no text in the charset their byte-order mark (or its absence) says. */
    private static Candidate withByteOrderMark(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8).map(Candidate::of).orElse(null);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE).map(Candidate::of).orElse(null);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE).map(Candidate::of).orElse(null);
        }
        return withoutByteOrderMark(bytes);
    }

    private static Candidate withoutByteOrderMark(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null; // text in these charsets has no NUL; UTF-16 without a BOM is not accepted
            }
        }
        Optional<DecodedText> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return Candidate.of(utf8.get());
        }
        Candidate gb = strict(bytes, 0, GB18030).map(Candidate::of).orElse(null);
        if (gb != null && gb.profile().plausibility() == 1) {
            return gb; // nothing could read better
        }
        Candidate big5 = strict(bytes, 0, BIG5).or(() -> strict(bytes, 0, BIG5_HKSCS)).map(Candidate::of).orElse(null);
        if (gb == null || big5 == null) {
            return gb == null ? big5 : gb;
        }
        return big5.profile().plausibility() > gb.profile().plausibility() ? big5 : gb;
    }

    /** For the message of an implausible text: the charsets that were tried besides the one that won. */
    private static String alsoTried(String charset) {
        return charset.equals(GB18030.name()) || charset.startsWith("Big5")
                ? "; of GB18030 and Big5, this was the more plausible reading" : "";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Optional<DecodedText> strict(byte[] bytes, int offset, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            return Optional.of(new DecodedText(text, charset.name()));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Index of the first C0/C1 control character that is not white space, or -1. */
    private static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\u000B') {
                return i;
            }
        }
        return -1;
    }
}
