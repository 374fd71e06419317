package io.newsflow.search.alert.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How webhook deliveries are sent and retried; each property is described in docs/operations.md. */
@ConfigMapping(prefix = "newsflow.search.alerts.webhook")
public interface WebhookConfig {

    /** How long a connection to a receiver may take to open. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * How long a receiver may stay silent once the request is sent (and the longest a free connection to it is
     * waited for): a hanging receiver holds one connection at most about this long.
     */
    @WithDefault("10s")
    Duration responseTimeout();

    /** Connections open to one receiver (scheme, host and port) at once; more deliveries to it wait for one. */
    @WithDefault("4")
    int maxConnectionsPerReceiver();

    /** Connections open to all receivers together. */
    @WithDefault("64")
    int maxConnections();

    /**
     * Addresses that are not public and may still be sent to: {@code loopback}, {@code private}, {@code link-local}
     * and networks such as {@code 10.1.0.0/16}. None by default: public addresses only.
     */
    Optional<List<String>> allowedNetworks();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("1s")
    Duration firstRetry();

    /** The longest wait between two attempts. */
    @WithDefault("10m")
    Duration maxRetryDelay();

    /** How long after its first attempt a delivery is still tried; then it is recorded as failed. */
    @WithDefault("24h")
    Duration retryFor();
}
