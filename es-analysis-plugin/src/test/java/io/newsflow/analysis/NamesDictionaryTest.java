package io.newsflow.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesDictionaryTest {

    @TempDir
    Path tmp;

    @Test
    void pluginConfigFolderComesFromEsPathConfThenEsPathHome() {
        assertThat(NamesDictionary.pluginName()).isEqualTo("newsflow-analysis");
        assertThat(NamesDictionary.pluginConfigDir(Map.of("ES_PATH_CONF", "/srv/es/conf"), p -> "/ignored"))
                .contains(Path.of("/srv/es/conf/newsflow-analysis"));
        assertThat(NamesDictionary.pluginConfigDir(Map.of(), p -> p.equals("es.path.conf") ? "/etc/es" : null))
                .contains(Path.of("/etc/es/newsflow-analysis"));
        assertThat(NamesDictionary.pluginConfigDir(Map.of(), p -> p.equals("es.path.home") ? "/usr/share/es" : null))
                .contains(Path.of("/usr/share/es/config/newsflow-analysis"));
        assertThat(NamesDictionary.pluginConfigDir(Map.of(), p -> null)).isEmpty();
    }

    @Test
    void listedNameBecomesOneTokenAndLoadingIsIdempotent() throws IOException {
        // a name HanLP splits on its own (叶航|雨); the names file makes it one word
        assertThat(Tokens.run(new HanlpTokenizer(), "叶航雨主持会议").terms()).doesNotContain("叶航雨");

        Path file = tmp.resolve("names.txt");
        Files.writeString(file, "# test\n叶航雨 nr\nbroken line here and more\n", StandardCharsets.UTF_8);
        assertThat(NamesDictionary.load(file)).isEqualTo(1);
        assertThat(NamesDictionary.load(file)).isZero();

        Tokens.Result r = Tokens.run(new HanlpTokenizer(), "叶航雨主持会议");
        assertThat(r.terms()).containsExactly("叶航雨", "主持", "会议");
        assertThat(r.tokens().get(0).type()).isEqualTo("nr");
    }

    @Test
    void missingFileIsReported() {
        assertThatThrownBy(() -> NamesDictionary.load(tmp.resolve("absent.txt"))).isInstanceOf(NoSuchFileException.class);
    }
}
