package io.newsflow.search.alert.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Newsflow-Signature} header of a webhook delivery, made as GitHub and Stripe sign theirs:
 * {@code t=<unix seconds>,v1=<lowercase hex HMAC-SHA256 of "<t>.<raw body>" keyed by the secret>}. The time inside
 * the signed text lets a receiver refuse an old delivery replayed by someone who recorded it.
 */
public final class WebhookSignature {
    /** The header's name. */
    public static final String HEADER = "Newsflow-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {
    }

    /** The header's value for a body sent at {@code unixSeconds}; the secret is taken as its UTF-8 bytes. */
    public static String header(String secret, long unixSeconds, byte[] rawBody) {
        return header(secret.getBytes(StandardCharsets.UTF_8), unixSeconds, rawBody);
    }

    /** The header's value for a body sent at {@code unixSeconds}. */
    public static String header(byte[] secret, long unixSeconds, byte[] rawBody) {
        return "t=" + unixSeconds + ",v1=" + HEX.formatHex(mac(secret, unixSeconds, rawBody));
    }

    /**
     * Whether the header signs exactly this body with this secret, at a time no further than
     * {@code toleranceSeconds} from {@code nowSeconds}. Any {@code v1} of the header may match (a sender changing
     * its secret may send both); the comparison takes the same time wherever the values differ. A header that cannot
     * be read is false.
     */
    public static boolean verify(String secret, String header, byte[] body, long nowSeconds, long toleranceSeconds) {
        if (secret == null || secret.isEmpty() || header == null) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty() || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected = HEX.formatHex(mac(secret.getBytes(StandardCharsets.UTF_8), timestamp, body))
                .getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures) {
            // lowercase first, so an uppercase hex signature is not refused for its case alone
            byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched;
    }

    private static byte[] mac(byte[] secret, long unixSeconds, byte[] rawBody) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA256 is in every JDK and takes any key that is not empty
            throw new IllegalStateException(e);
        }
    }
}
