package io.newsflow.pagefiles;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageDecoderTest {
    private static final String TEXT = "本报讯 12月20日，市委书记杜\n小刚主持召开会议。（高美梅）\n";
    private final PageDecoder decoder = new PageDecoder();

    @Test
    void decodesUtf8() throws Exception {
        DecodedText decoded = decoder.decode(TEXT.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.text()).isEqualTo(TEXT);
        assertThat(decoded.charset()).isEqualTo("UTF-8");
    }

    @Test
    void dropsUtf8ByteOrderMark() throws Exception {
        assertThat(decoder.decode(concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new DecodedText(TEXT, "UTF-8"));
    }

    @Test
    void decodesUtf16WithEitherByteOrderMark() throws Exception {
        assertThat(decoder.decode(concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE))))
                .isEqualTo(new DecodedText(TEXT, "UTF-16LE"));
        assertThat(decoder.decode(concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE))))
                .isEqualTo(new DecodedText(TEXT, "UTF-16BE"));
    }

    @Test
    void fallsBackToGb18030ForGbkFiles() throws Exception {
        DecodedText decoded = decoder.decode(TEXT.getBytes(Charset.forName("GBK")));

        assertThat(decoded).isEqualTo(new DecodedText(TEXT, "GB18030"));
    }

    @Test
    void refusesEmptyAndBlankFiles() {
        assertThatThrownBy(() -> decoder.decode(new byte[0]))
                .isInstanceOfSatisfying(NotTextException.class, e -> assertThat(e.reason()).isEqualTo(NotTextException.Reason.EMPTY));
        assertThatThrownBy(() -> decoder.decode(" \n\n ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(NotTextException.class, e -> assertThat(e.reason()).isEqualTo(NotTextException.Reason.EMPTY));
    }

    @Test
    void refusesBinaryData() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

        assertThatThrownBy(() -> decoder.decode(png))
                .isInstanceOfSatisfying(NotTextException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotTextException.Reason.BINARY);
                    assertThat(e.detectedType()).isEqualTo("binary");
                });
    }

    @Test
    void refusesTextWithControlCharacters() {
        byte[] bytes = ("本报讯\u0007 响铃").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> decoder.decode(bytes))
                .isInstanceOfSatisfying(NotTextException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotTextException.Reason.CONTROL_CHARACTERS);
                    assertThat(e.getMessage()).contains("U+0007");
                });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
