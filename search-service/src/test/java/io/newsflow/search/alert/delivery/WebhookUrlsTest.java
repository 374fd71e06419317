package io.newsflow.search.alert.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlsTest {
    private final WebhookUrls publicOnly = new WebhookUrls(AddressPolicy.publicOnly());
    private final WebhookUrls loopbackAllowed = new WebhookUrls(AddressPolicy.allowing(List.of("loopback")));

    @ParameterizedTest
    @CsvSource({
            "https://hooks.example.com/newsflow?desk=1, https://hooks.example.com/newsflow?desk=1",
            "http://example.com:8080/h, http://example.com:8080/h",
            "HTTPS://Example.com/, HTTPS://Example.com/",
            "https://example.com, https://example.com",
            "https://8.8.8.8/hook, https://8.8.8.8/hook",
            "'https://[2606:4700:4700::1111]:8443/hook', 'https://[2606:4700:4700::1111]:8443/hook'",
            "https://例子.中国/hook?q=1, https://xn--fsqu00a.xn--fiqs8s/hook?q=1",
            "https://例子.中国:8443/钩子, https://xn--fsqu00a.xn--fiqs8s:8443/%E9%92%A9%E5%AD%90",
            "'  https://example.com/x  ', https://example.com/x",
    })
    void aPublicHttpUrlIsTakenAsAscii(String url, String expected) {
        assertThat(publicOnly.check(url)).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/hook | must be an absolute http:// or https:// URL",
            "/hooks/newsflow | must be an absolute http:// or https:// URL",
            "example.com/hook | must be an absolute http:// or https:// URL",
            "mailto:desk@example.com | must be an absolute http:// or https:// URL",
            "javascript:alert(1) | must be an absolute http:// or https:// URL",
            "http:///hook | has no host",
            "https://user:secret@example.com/hook | must not carry credentials",
            "https://user@example.com/hook | must not carry credentials",
            "https://example.com/hook#part | must not have a fragment",
            "https://example.com/#  | must not have a fragment",
            "https://exa mple.com/ | is not a valid URL",
            "https://example.com:0/ | port must be from 1 to 65535",
            "https://under_score.example.com/ | is not a valid host name",
            "http://127.0.0.1:8089/hook | refused: 127.0.0.1 is a loopback address; allow it with "
                    + "newsflow.search.alerts.webhook.allowed-networks",
            "http://127.9.9.9/ | 127.9.9.9 is a loopback address",
            "http://[::1]:8089/ | is a loopback address",
            "http://[::ffff:127.0.0.1]/ | 127.0.0.1 is a loopback address",
            "http://[::127.0.0.1]/ | is a loopback address",
            "http://localhost:8089/ | localhost is a loopback address",
            "http://LOCALHOST./ | is a loopback address",
            "http://api.localhost/ | api.localhost is a loopback address",
            "http://10.0.0.5/ | 10.0.0.5 is a private address",
            "http://[fd00::5]/ | is a private address",
            "http://169.254.169.254/latest/meta-data/ | 169.254.169.254 is a link-local address",
            "http://[fe80::1]/ | is a link-local address",
            "http://0.0.0.0:8080/ | 0.0.0.0 is an unspecified address",
            "http://[::]/ | is an unspecified address",
            "http://224.0.0.1/ | is a multicast address",
            "http://100.64.0.1/ | is a carrier-grade NAT address",
            // other notations of 127.0.0.1 that resolvers accept
            "http://2130706433/ | is neither a name nor an IPv4 address written as four numbers",
            "http://127.1/ | is neither a name nor an IPv4 address written as four numbers",
            "http://0x7f.0.0.1/ | is neither a name nor an IPv4 address written as four numbers",
            "http://017700000001/ | is neither a name nor an IPv4 address written as four numbers",
    })
    void aUrlThatCannotBeAWebhookIsRefusedWithAMessage(String url, String message) {
        assertThatThrownBy(() -> publicOnly.check(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the webhook URL")
                .hasMessageContaining(message);
    }

    @Test
    void aMissingOrOverlongUrlIsRefused() {
        assertThatThrownBy(() -> publicOnly.check(null)).hasMessage("the webhook URL is missing");
        assertThatThrownBy(() -> publicOnly.check(" ")).hasMessage("the webhook URL is missing");

        String base = "https://example.com/";
        String longest = base + "a".repeat(WebhookUrls.MAX_LENGTH - base.length());
        assertThat(publicOnly.check(longest)).hasToString(longest);
        assertThatThrownBy(() -> publicOnly.check(longest + "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the webhook URL is longer than 2000 characters");
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8089/hook", "http://localhost:8089/hook", "'http://[::1]:8089/hook'",
            "http://api.localhost/"})
    void loopbackTargetsPassWhenLoopbackIsAllowed(String url) {
        assertThat(loopbackAllowed.check(url)).hasToString(url);
    }

    @Test
    void allowingLoopbackAllowsNothingElse() {
        assertThatThrownBy(() -> loopbackAllowed.check("http://10.0.0.5/"))
                .hasMessageContaining("10.0.0.5 is a private address");
        assertThatThrownBy(() -> loopbackAllowed.check("http://169.254.169.254/"))
                .hasMessageContaining("is a link-local address");
        assertThatThrownBy(() -> loopbackAllowed.check("https://user:pw@127.0.0.1/"))
                .hasMessageContaining("must not carry credentials");
    }
}
