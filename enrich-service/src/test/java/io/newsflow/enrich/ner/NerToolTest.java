package io.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerToolTest {

    @Test
    void evalPrintsPrecisionRecallAndSpeedBeforeTheSummaryLine(@TempDir Path folder) throws Exception {
        Path data = Path.of(System.getProperty("newsflow.ner.data", "../data/ner"));
        List<TaggedSentence> sample = BioCorpus.read(data.resolve("pd_dev_bio.txt.gz")).subList(0, 300);
        Path model = folder.resolve("model.bin");
        PerceptronTagger.train(sample, 2).save(model);
        Path bio = folder.resolve("eval.txt");
        Files.writeString(bio, "王\tB-PER\n小\tI-PER\n明\tI-PER\n在\tO\n上\tB-LOC\n海\tI-LOC\n。\tO\n\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int status = new NerTool(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(List.of("eval", model.toString(), bio.toString()));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).isZero();
        assertThat(lines.getLast()).matches("ner-eval PER=\\d\\.\\d{3} LOC=\\d\\.\\d{3} ORG=\\d\\.\\d{3} micro=\\d\\.\\d{3}");
        for (String type : List.of("PER", "LOC", "ORG", "micro")) {
            assertThat(lines).anyMatch(line -> line.startsWith(type) && line.matches(".* P=\\d\\.\\d{3} R=\\d\\.\\d{3} F1=\\d\\.\\d{3}"));
        }
        assertThat(lines.get(lines.size() - 2)).matches("speed \\d+ chars/s .*");
        assertThat(lines.getFirst()).matches("model .*: \\d+ features, loaded in \\d+\\.\\d{2} s, first sentence tagged after \\d+\\.\\d{2} s");
    }
}
