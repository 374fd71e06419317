package io.newsflow.enrich.ner;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The model the build trained and packs into the jar, measured on the MSRA test set it never saw. */
class ShippedModelTest {

    @Test
    void theShippedModelScoresWhatTheDocsSayOnTheMsraTestSet() throws Exception {
        PerceptronTagger tagger;
        try (InputStream model = Objects.requireNonNull(getClass().getResourceAsStream("/io/newsflow/enrich/ner/model.bin"),
                "the build trains the model into the classes (exec-maven-plugin, process-classes)")) {
            tagger = PerceptronTagger.load(model, "model.bin");
        }
        Path test = Path.of(System.getProperty("newsflow.ner.data", "../data/ner"), "msra_test_bio.txt.gz");

        NerEvaluation evaluation = NerTool.evaluate(tagger, BioCorpus.read(test));

        assertThat(evaluation.summaryLine()).startsWith("ner-eval PER=");
        // measured: PER 0.887, LOC 0.916, ORG 0.828, micro 0.888 (docs/enrichment.md); held a little below
        assertThat(evaluation.f1("PER")).isGreaterThanOrEqualTo(0.88);
        assertThat(evaluation.f1("LOC")).isGreaterThanOrEqualTo(0.91);
        assertThat(evaluation.f1("ORG")).isGreaterThanOrEqualTo(0.82);
        assertThat(evaluation.microF1()).isGreaterThanOrEqualTo(0.88);
        // precision is what a reader of the article's entity lists notices first
        assertThat(evaluation.microPrecision()).isGreaterThanOrEqualTo(0.895);
    }
}
