package io.newsflow.pagefiles;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the bytes of a page file. A byte-order mark decides (UTF-8, UTF-16 BE/LE); without one, UTF-8 when the
 * bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). Empty files, binary data (NUL bytes, or bytes
 * no charset decodes) and text with control characters other than white space are refused with a reason.
 */
public final class PageDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");

    public DecodedText decode(byte[] bytes) throws NotTextException {
        if (bytes.length == 0) {
            throw new NotTextException(NotTextException.Reason.EMPTY, "empty", "the file is empty");
        }
        DecodedText decoded = withByteOrderMark(bytes);
        if (decoded == null) {
            throw new NotTextException(NotTextException.Reason.BINARY, "binary",
                    "the bytes are not text: neither UTF-8, UTF-16 with a byte-order mark nor GB18030");
        }
        if (decoded.text().isBlank()) {
            throw new NotTextException(NotTextException.Reason.EMPTY, "empty", "the file holds only white space");
        }
        int control = firstControlCharacter(decoded.text());
        if (control >= 0) {
            throw new NotTextException(NotTextException.Reason.CONTROL_CHARACTERS, "text/plain; charset=" + decoded.charset(),
                    "control character U+%04X at character %d: not a text page".formatted((int) decoded.text().charAt(control), control));
        }
        return decoded;
    }

    /** The text, or null when the bytes are no text in the charset their byte-order mark (or its absence) says. */
    private static DecodedText withByteOrderMark(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8).orElse(null);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE).orElse(null);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE).orElse(null);
        }
        return withoutByteOrderMark(bytes);
    }

    private static DecodedText withoutByteOrderMark(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null; // text in these charsets has no NUL; UTF-16 without a BOM is not accepted
            }
        }
        return strict(bytes, 0, StandardCharsets.UTF_8).or(() -> strict(bytes, 0, GB18030)).orElse(null);
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
