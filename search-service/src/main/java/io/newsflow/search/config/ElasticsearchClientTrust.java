package io.newsflow.search.config;

import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Gives the low-level Elasticsearch client (indexing, index management, the overview) the trust store of
 * {@link ElasticsearchTrust} for HTTPS. Without one the client keeps its own default, the JVM's trust store; either
 * way it verifies the host name (the client's default verifier stays).
 */
@ElasticsearchClientConfig
@ApplicationScoped
public class ElasticsearchClientTrust implements RestClientBuilder.HttpClientConfigCallback {
    private final ElasticsearchTrust trust;

    public ElasticsearchClientTrust(ElasticsearchTrust trust) {
        this.trust = trust;
    }

    @Override
    public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
        return trust.sslContext().map(builder::setSSLContext).orElse(builder);
    }
}
