package io.newsflow.search.config;

import io.newsflow.search.config.ElasticsearchTrustConfig.TrustStoreType;
import io.vertx.core.net.TrustOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate authorities search-service trusts on HTTPS to Elasticsearch, the same for its two clients: the
 * low-level client (indexing, index management, the overview; {@link ElasticsearchClientTrust}) and the search path's
 * Vert.x client ({@code SearchTransport}). The JVM's default trust store unless
 * {@code newsflow.search.elasticsearch.trust-store} names one; never trust-all, and host names are always verified.
 * A trust store that cannot be read stops the service at start-up, naming the file, rather than failing every request.
 */
@Singleton
public final class ElasticsearchTrust {
    private final Optional<TrustManagerFactory> configured;
    private final String description;

    @Inject
    public ElasticsearchTrust(ElasticsearchTrustConfig config) {
        this(config.trustStore().map(file -> load(file, config.trustStoreType(), config.trustStorePassword())),
                config.trustStore().map(file -> "trust store " + file).orElse("the JVM's default trust store"));
    }

    private ElasticsearchTrust(Optional<TrustManagerFactory> configured, String description) {
        this.configured = configured;
        this.description = description;
    }

    /** The JVM's default trust store, as a client without any TLS setting has it. */
    public static ElasticsearchTrust jvmDefault() {
        return new ElasticsearchTrust(Optional.empty(), "the JVM's default trust store");
    }

    /** The certificates of this trust store, and no others. */
    public static ElasticsearchTrust of(Path file, TrustStoreType type, Optional<String> password) {
        return new ElasticsearchTrust(Optional.of(load(file, type, password)), "trust store " + file);
    }

    /** A TLS context with the configured trust, for the low-level client; empty: the client keeps the JVM's default. */
    public Optional<SSLContext> sslContext() {
        return configured.map(factory -> {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, factory.getTrustManagers(), null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JVM offers no TLS context", e);
            }
        });
    }

    /** The configured trust for Vert.x's client; empty: Vert.x keeps the JVM's default. */
    public Optional<TrustOptions> trustOptions() {
        return configured.map(TrustOptions::wrap);
    }

    /** What is trusted, for messages: {@code trust store <file>} or {@code the JVM's default trust store}. */
    public String description() {
        return description;
    }

    private static TrustManagerFactory load(Path file, TrustStoreType type, Optional<String> password) {
        try {
            KeyStore store = switch (type) {
                case PKCS12, JKS -> keyStore(file, type.name(), password);
                case PEM -> pemStore(file);
            };
            if (Collections.list(store.aliases()).stream().noneMatch(alias -> isCertificate(store, alias))) {
                throw new IOException("it holds no certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the Elasticsearch trust store " + file + " (type " + type
                    + ", newsflow.search.elasticsearch.trust-store): " + e.getMessage(), e);
        }
    }

    private static KeyStore keyStore(Path file, String type, Optional<String> password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.map(String::toCharArray).orElse(null));
        }
        return store;
    }

    private static KeyStore pemStore(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("authority-" + i++, certificate);
        }
        return store;
    }

    private static boolean isCertificate(KeyStore store, String alias) {
        try {
            return store.isCertificateEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
