package io.newsflow.enrich.ner;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The model the build trained and packs into the jar, measured on the MSRA test set it never saw. */
class ShippedModelTest {

    @Test
    void theShippedModelClearsTheFirstBarOnTheMsraTestSet() throws Exception {
        PerceptronTagger tagger;
        try (InputStream model = Objects.requireNonNull(getClass().getResourceAsStream("/io/newsflow/enrich/ner/model.bin"),
                "the build trains the model into the classes (exec-maven-plugin, process-classes)")) {
            tagger = PerceptronTagger.load(model, "model.bin");
        }
        Path test = Path.of(System.getProperty("newsflow.eval", "../../shared/eval"), "msra_test_bio.txt");

        NerEvaluation evaluation = NerTool.evaluate(tagger, BioCorpus.read(test));

        assertThat(evaluation.summaryLine()).startsWith("ner-eval PER=");
        assertThat(evaluation.f1("PER")).isGreaterThanOrEqualTo(0.80);
        assertThat(evaluation.microF1()).isGreaterThanOrEqualTo(0.77);
    }
}
