package io.newsflow.enrich.config;

import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The one {@link EnrichmentPipeline} of the service: model and names dictionary load once, at start. */
public class PipelineProducer {
    private static final Logger LOG = Logger.getLogger(PipelineProducer.class);

    @Produces
    @Singleton
    EnrichmentPipeline pipeline(EnrichConfig config) {
        long started = System.nanoTime();
        EnrichmentPipeline pipeline = EnrichmentPipeline.load(config.pipelineVersion(), names(config),
                config.limits().toPageLimits());
        LOG.infof("enrichment pipeline version=%s loaded in %d ms", config.pipelineVersion(),
                (System.nanoTime() - started) / 1_000_000);
        return pipeline;
    }

    /** The configured names file, or the copy of {@code config/names.txt} built into the jar. */
    static NamesDictionary names(EnrichConfig config) {
        try {
            return NamesDictionary.loadOrBundled(config.namesFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the names dictionary "
                    + config.namesFile().map(Path::toString).orElse("(bundled)") + ": " + e.getMessage(), e);
        }
    }
}
