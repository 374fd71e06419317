package io.newsflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.analysis.build.NamedComponentsGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedComponentsGeneratorTest {

    private static final String EXPECTED = """
            {
              "org.elasticsearch.plugin.analysis.TokenFilterFactory": {
                "newsflow_cjk_bigram": "io.newsflow.analysis.CjkBigramFilterFactory",
                "newsflow_cjk_width": "io.newsflow.analysis.CjkWidthFilterFactory"
              },
              "org.elasticsearch.plugin.analysis.TokenizerFactory": {
                "newsflow_hanlp": "io.newsflow.analysis.HanlpTokenizerFactory"
              }
            }
            """;

    @Test
    void writesEveryAnnotatedComponentUnderItsExtensibleInterface(@TempDir Path tmp) throws Exception {
        Path classes = Path.of(HanlpTokenizerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path out = tmp.resolve("named_components.json");
        NamedComponentsGenerator.main(new String[] {classes.toString(), out.toString()});
        assertThat(Files.readString(out)).isEqualTo(EXPECTED);
    }

    @Test
    void buildWroteTheSameFile() throws Exception {
        // target/plugin-metadata/named_components.json is what goes into the zip (written in process-classes)
        Path classes = Path.of(HanlpTokenizerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path built = classes.getParent().resolve("plugin-metadata/named_components.json");
        assumeTrue(Files.exists(built), "only after a Maven build");
        assertThat(Files.readString(built)).isEqualTo(EXPECTED);
    }
}
