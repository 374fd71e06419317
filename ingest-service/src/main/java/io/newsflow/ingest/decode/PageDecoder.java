package io.newsflow.ingest.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the bytes of a page file: UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GB18030
 * (a superset of GBK and GB2312, the usual encodings of Chinese text files).
 */
public final class PageDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");

    public DecodedText decode(byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        return strict(bytes, start, StandardCharsets.UTF_8)
                .map(text -> new DecodedText(text, StandardCharsets.UTF_8.name()))
                .or(() -> strict(bytes, 0, GB18030).map(text -> new DecodedText(text, GB18030.name())))
                .orElseThrow(() -> new UndecodableTextException("bytes are neither UTF-8 nor GB18030 text"));
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
