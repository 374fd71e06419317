package io.newsflow.search.alert.delivery;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's application.properties read into WebhookConfig as Quarkus reads it, outside and inside tests. */
class WebhookConfigTest {

    @Test
    void theServiceSendsToPublicAddressesOnlyWithTheDocumentedSettings() throws Exception {
        WebhookConfig config = config(null);

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxConnectionsPerReceiver()).isEqualTo(4);
        assertThat(config.maxConnections()).isEqualTo(64);
        assertThat(config.allowedNetworks()).isEmpty();
        assertThat(config.firstRetry()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.maxRetryDelay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.retryFor()).isEqualTo(Duration.ofHours(24));
        assertThat(AddressPolicy.from(config).allows(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(WebhookClient.Settings.from(config)).isEqualTo(WebhookClient.Settings.defaults());
        assertThat(RetrySchedule.from(config).delayAfter(3, Optional.empty()))
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theTestsSendToLoopback() throws Exception {
        WebhookConfig config = config("test");

        assertThat(config.allowedNetworks()).contains(List.of("loopback"));
        assertThat(AddressPolicy.from(config).allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(AddressPolicy.from(config).allows(InetAddress.getByName("10.0.0.1"))).isFalse();
    }

    private static WebhookConfig config(String profile) throws Exception {
        URL properties = WebhookConfigTest.class.getClassLoader().getResource("application.properties");
        assertThat(properties).isNotNull();
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(WebhookConfig.class);
        if (profile != null) {
            builder.withProfile(profile);
        }
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(WebhookConfig.class);
    }
}
