package io.newsflow.ingest.watch;

import io.newsflow.ingest.process.FileReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FolderCensusTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path folder;

    @Test
    void countsPageFilesInSubfoldersButNotHiddenPartialOrSidecarFiles() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "x");
        Files.writeString(folder.resolve("a.txt.json"), "{}");
        Files.writeString(folder.resolve("b.txt.part"), "x");
        Files.writeString(folder.resolve(".c.txt"), "x");
        Files.createDirectories(folder.resolve("2024-01-02"));
        Files.writeString(folder.resolve("2024-01-02").resolve("d.txt"), "x");
        Files.createDirectories(folder.resolve(".hidden"));
        Files.writeString(folder.resolve(".hidden").resolve("e.txt"), "x");

        assertThat(new FolderCensus(100, 5).pageFiles(folder)).isEqualTo(2);
    }

    @Test
    void stopsCountingAtTheLimit() throws IOException {
        for (int i = 0; i < 30; i++) {
            Files.writeString(folder.resolve("page-" + i + ".txt"), "x");
        }
        assertThat(new FolderCensus(10, 5).pageFiles(folder)).isEqualTo(10);
        assertThat(new FolderCensus(10, 5).refused(folder).count()).isEqualTo(10);
        assertThat(new FolderCensus(100, 5).pageFiles(folder)).isEqualTo(30);
    }

    @Test
    void namesTheNewestRefusedFilesWithTheReasonsOfTheirReports() throws IOException {
        for (int i = 1; i <= 7; i++) {
            refuse("page-" + i + ".txt", "reason-" + i, T0.plusSeconds(i));
        }
        Path withoutReport = Files.writeString(folder.resolve("bare.txt"), "x");
        Files.setLastModifiedTime(withoutReport, FileTime.from(T0.plusSeconds(100)));

        FolderCensus.Refused refused = new FolderCensus(100, 5).refused(folder);

        assertThat(refused.count()).isEqualTo(8);
        assertThat(refused.newest()).extracting(FolderCensus.FailedFile::name)
                .containsExactly("bare.txt", "page-7.txt", "page-6.txt", "page-5.txt", "page-4.txt");
        assertThat(refused.newest()).extracting(FolderCensus.FailedFile::reason)
                .containsExactly("", "reason-7", "reason-6", "reason-5", "reason-4");
        assertThat(refused.newest().get(1).time()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void aMissingFolderIsNoFolder() {
        assertThatThrownBy(() -> new FolderCensus(10, 5).pageFiles(folder.resolve("gone")))
                .isInstanceOf(InboxScanner.NotAFolderException.class).hasMessageNotContaining(folder.toString());
    }

    /** As ingest refuses a file: the report first, then the file; the report's time is when it was refused. */
    private void refuse(String name, String reason, Instant at) throws IOException {
        Path report = Files.write(folder.resolve(name + ".error.json"),
                FileReports.error(name, reason, "why", 1, "text/plain", Path.of("inbox", name), at));
        Files.setLastModifiedTime(report, FileTime.from(at));
        Path file = Files.writeString(folder.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(T0.minusSeconds(3600)));
    }
}
