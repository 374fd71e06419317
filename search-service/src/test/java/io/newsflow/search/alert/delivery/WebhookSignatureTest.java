package io.newsflow.search.alert.delivery;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_新闻";
    private static final long SENT = 1_767_225_600L;
    private static final byte[] BODY = "{\"deliveryId\":\"d-1\",\"headline\":\"新闻\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void theHeaderIsTheTimeAndTheHexHmacOfTimeDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signedText = SENT + "." + new String(BODY, StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(mac.doFinal(signedText.getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.header(SECRET, SENT, BODY)).isEqualTo("t=" + SENT + ",v1=" + expected);
        assertThat(WebhookSignature.header(SECRET.getBytes(StandardCharsets.UTF_8), SENT, BODY))
                .isEqualTo("t=" + SENT + ",v1=" + expected);
    }

    @Test
    void theHeaderMatchesAVectorComputedOutsideJava() {
        // python3: hmac.new('whsec_新闻'.encode(), b'1767225600.' + body, hashlib.sha256).hexdigest()
        assertThat(WebhookSignature.header(SECRET, SENT, BODY)).isEqualTo(
                "t=1767225600,v1=2283e051c419f78b044f1f6cb46f32c29c701ba1a1fe4172d9d2764febae55ce");
    }

    @Test
    void aReceiverVerifiesTheSignatureWithinTheTolerance() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT + 300, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT - 300, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header.toUpperCase().replace("T=", "t=").replace("V1=", "v1="),
                BODY, SENT, 300)).as("hex in upper case").isTrue();
    }

    @Test
    void aChangedBodyAnotherSecretAnOldTimeOrAnUnreadableHeaderDoNotVerify() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);
        byte[] changed = "{\"deliveryId\":\"d-2\",\"headline\":\"新闻\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.verify(SECRET, header, changed, SENT, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, SENT, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT + 301, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT - 301, 300)).isFalse();
        // the time is signed: moving it forward breaks the signature
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=" + SENT, "t=" + (SENT + 200)), BODY,
                SENT + 200, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, SENT, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=" + SENT, BODY, SENT, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=soon," + header.substring(header.indexOf("v1")), BODY, SENT,
                300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, SENT, 300)).isFalse();
        assertThat(WebhookSignature.verify("", header, BODY, SENT, 300)).isFalse();
    }

    @Test
    void anyOfSeveralSignaturesMayMatchAsWhileASecretIsChanged() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);
        String old = WebhookSignature.header("whsec_old", SENT, BODY);
        String both = old + "," + header.substring(header.indexOf("v1"));

        assertThat(WebhookSignature.verify(SECRET, both, BODY, SENT, 300)).isTrue();
        assertThat(WebhookSignature.verify("whsec_old", both, BODY, SENT, 300)).isTrue();
    }

    @Test
    void anEmptySecretSignsNothing() {
        assertThatThrownBy(() -> WebhookSignature.header("", SENT, BODY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
    }
}
