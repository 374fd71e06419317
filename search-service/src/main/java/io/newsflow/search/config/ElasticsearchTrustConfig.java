package io.newsflow.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whom search-service trusts when it reaches Elasticsearch over HTTPS ({@code quarkus.elasticsearch.protocol=https}):
 * one trust for both of its clients ({@link ElasticsearchTrust}). Every property is listed in docs/operations.md.
 */
@ConfigMapping(prefix = "newsflow.search.elasticsearch")
public interface ElasticsearchTrustConfig {

    /**
     * A trust store holding the certificate authority that signed Elasticsearch's HTTP certificate; absent: the JVM's
     * default trust store.
     */
    Optional<Path> trustStore();

    /** The trust store's password (PKCS12, JKS); none for PEM. */
    Optional<String> trustStorePassword();

    /** The trust store's format: {@code PKCS12}, {@code JKS} or {@code PEM} (one or more certificates). */
    @WithDefault("PKCS12")
    TrustStoreType trustStoreType();

    enum TrustStoreType {
        PKCS12, JKS, PEM
    }
}
