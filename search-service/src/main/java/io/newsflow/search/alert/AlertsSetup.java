package io.newsflow.search.alert;

import io.newsflow.analysis.NewsflowAnalyzers;
import io.newsflow.search.alert.delivery.AddressPolicy;
import io.newsflow.search.alert.delivery.FiringRate;
import io.newsflow.search.alert.delivery.RetrySchedule;
import io.newsflow.search.alert.delivery.WebhookClient;
import io.newsflow.search.alert.delivery.WebhookConfig;
import io.newsflow.search.alert.delivery.WebhookUrls;
import io.newsflow.search.alert.match.SavedSearchMatcher;
import io.newsflow.search.config.SearchConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/** Builds the alerting parts from configuration; the plain classes stay free of CDI. */
@Singleton
public class AlertsSetup {
    private static final Logger LOG = Logger.getLogger(AlertsSetup.class);
    private static final String INDEX_DEFINITION = "/elasticsearch/news-articles-index.json";

    @Produces
    @Singleton
    SavedSearches savedSearches(AlertsConfig config, AlertMetrics metrics) {
        if (config.namesFile().isPresent()) {
            try {
                int added = NewsflowAnalyzers.loadNames(config.namesFile().get());
                LOG.infof("outcome=names-loaded file=%s names=%d", config.namesFile().get(), added);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the names dictionary " + config.namesFile().get()
                        + " (newsflow.search.alerts.names-file)", e);
            }
        } else {
            LOG.warn("newsflow.search.alerts.names-file is not set: saved searches analyse names without the names "
                    + "dictionary the Elasticsearch node loads, and may miss articles a search finds");
        }
        SavedSearchMatcher matcher;
        try (InputStream definition = AlertsSetup.class.getResourceAsStream(INDEX_DEFINITION)) {
            matcher = SavedSearchMatcher.forIndexDefinition(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SavedSearches searches = new SavedSearches(matcher);
        metrics.savedSearches(searches);
        return searches;
    }

    @Produces
    @Singleton
    WebhookUrls webhookUrls(WebhookConfig webhook) {
        return new WebhookUrls(AddressPolicy.from(webhook));
    }

    @Produces
    @Singleton
    @Startup
    AlertDispatcher dispatcher(AlertHits hits, SavedSearches searches, AlertsConfig config, WebhookConfig webhook,
                               AlertMetrics metrics, AlertEvents events) {
        String publicUrl = config.publicUrl();
        AlertDispatcher dispatcher = new AlertDispatcher(hits, searches,
                new WebhookClient(WebhookClient.Settings.from(webhook), AddressPolicy.from(webhook)),
                RetrySchedule.from(webhook), new FiringRate(config.digestAfter()), new WebhookPayloads(publicUrl),
                metrics, events, config.deliveryLease(), Clock.systemUTC());
        dispatcher.start(config.sweepInterval());
        return dispatcher;
    }

    void close(@Disposes AlertDispatcher dispatcher) {
        dispatcher.close();
    }

    @Produces
    @Singleton
    HitRecorder hitRecorder(SavedSearches searches, AlertHits hits, AlertDispatcher dispatcher, AlertEvents events,
                            AlertMetrics metrics, SearchConfig search) {
        return new HitRecorder(searches, hits, dispatcher, events, metrics, search.maxRetryBackoff(), Clock.systemUTC());
    }
}
