package io.newsflow.search.alert.delivery;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The check of a webhook URL when a saved search is stored, so that the user learns at once (a 400) what the
 * deliveries would refuse later. Names are not resolved here: what a name resolves to is checked on every connection
 * ({@link WebhookClient}), where it counts; here only what the URL says by itself is judged.
 */
public final class WebhookUrls {
    public static final int MAX_LENGTH = 2000;

    // a last label of digits only (or hex) is no host name, as no top-level domain is numeric; resolvers read such
    // hosts as IPv4 addresses in other notations: 2130706433, 127.1, 0x7f.0.0.1
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

    private final AddressPolicy policy;

    public WebhookUrls(AddressPolicy policy) {
        this.policy = policy;
    }

    /**
     * The URL to deliver to, as ASCII (an internationalised host name in its punycode form).
     *
     * @throws IllegalArgumentException with a message for the user when the URL cannot be a webhook target
     */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the webhook URL is missing");
        }
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the webhook URL is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the webhook URL is not a valid URL: " + e.getReason()
                    + " at character " + (e.getIndex() + 1));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("the webhook URL must be an absolute http:// or https:// URL");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the webhook URL must not have a fragment (#...): it is never sent");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("the webhook URL has no host");
        }
        if (uri.getRawUserInfo() != null || authority.contains("@")) {
            throw new IllegalArgumentException("the webhook URL must not carry credentials (user:password@); "
                    + "receivers check the signature made with the webhook's secret instead");
        }
        URI ascii = uri.getHost() == null ? withAsciiHost(uri, authority) : uri;
        if (ascii.getPort() == 0 || ascii.getPort() > 65535) {
            throw new IllegalArgumentException("the webhook URL's port must be from 1 to 65535");
        }
        checkHost(ascii.getHost());
        return URI.create(ascii.toASCIIString());
    }

    private void checkHost(String host) {
        Optional<InetAddress> literal = AddressPolicy.literal(host);
        if (literal.isPresent()) {
            policy.refusal(literal.get()).ifPresent(refusal -> {
                throw new IllegalArgumentException("the webhook URL is " + refusal);
            });
            return;
        }
        String name = withoutRootDot(host.toLowerCase(Locale.ROOT));
        refuseNumeric(name, host);
        // localhost is loopback by definition (RFC 6761): refused here already when loopback is, without asking DNS
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            policy.refusal(InetAddress.getLoopbackAddress()).ifPresent(refusal -> {
                throw new IllegalArgumentException("the webhook URL is refused: " + host + " is a loopback address; "
                        + "allow it with " + AddressPolicy.PROPERTY);
            });
        }
    }

    private static String withoutRootDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static void refuseNumeric(String name, String host) {
        if (NUMERIC_LABEL.matcher(name.substring(name.lastIndexOf('.') + 1)).matches()) {
            throw new IllegalArgumentException("the webhook URL's host '" + host + "' is neither a name nor an IPv4 "
                    + "address written as four numbers (a.b.c.d)");
        }
    }

    /**
     * java.net.URI takes no host outside ASCII (nor some it cannot parse): such a host (例子.中国) is turned into its
     * punycode form.
     */
    private static URI withAsciiHost(URI uri, String rawAuthority) {
        String authority = uri.getAuthority();
        String host = authority;
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            port = authority.substring(colon);
        }
        String asciiHost;
        try {
            asciiHost = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook URL's host '" + host + "' is not a valid host name");
        }
        String rebuilt = uri.getScheme() + "://" + asciiHost + port + nonNull(uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        URI ascii;
        try {
            ascii = new URI(rebuilt);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the webhook URL's host '" + rawAuthority + "' is not a valid host");
        }
        if (ascii.getHost() == null) {
            // java.net.URI takes no host whose last label is a number either: 127.1, 0x7f.0.0.1
            refuseNumeric(withoutRootDot(asciiHost.toLowerCase(Locale.ROOT)), host);
            throw new IllegalArgumentException("the webhook URL's host '" + host + "' is not a valid host name");
        }
        return ascii;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
