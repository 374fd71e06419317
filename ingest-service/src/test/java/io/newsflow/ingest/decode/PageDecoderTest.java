package io.newsflow.ingest.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageDecoderTest {
    private static final String TEXT = "本报讯 12月20日，市委书记杜\n小刚主持召开会议。（高美梅）\n";
    private final PageDecoder decoder = new PageDecoder();

    @Test
    void decodesUtf8() {
        DecodedText decoded = decoder.decode(TEXT.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.text()).isEqualTo(TEXT);
        assertThat(decoded.charset()).isEqualTo("UTF-8");
    }

    @Test
    void dropsUtf8ByteOrderMark() {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertThat(decoder.decode(withBom).text()).isEqualTo(TEXT);
    }

    @Test
    void fallsBackToGb18030ForGbkFiles() {
        DecodedText decoded = decoder.decode(TEXT.getBytes(Charset.forName("GBK")));

        assertThat(decoded.text()).isEqualTo(TEXT);
        assertThat(decoded.charset()).isEqualTo("GB18030");
    }

    @Test
    void rejectsBytesThatAreNoText() {
        byte[] binary = {(byte) 0x80, (byte) 0xFF, (byte) 0xFF, 0x30};

        assertThatThrownBy(() -> decoder.decode(binary)).isInstanceOf(UndecodableTextException.class);
    }
}
