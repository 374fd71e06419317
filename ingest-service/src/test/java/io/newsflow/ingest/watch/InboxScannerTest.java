package io.newsflow.ingest.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InboxScannerTest {

    @Test
    void findsPagesInSubfoldersAndIgnoresHiddenPartialAndSidecarFiles(@TempDir Path inbox) throws Exception {
        Files.createDirectories(inbox.resolve("2024-09-06"));
        Files.createDirectories(inbox.resolve(".hidden"));
        for (String name : new String[]{"a.txt", "2024-09-06/b.txt", "c.txt.part", "d.tmp", "e.txt.crdownload",
                "f.txt~", ".g.txt", ".hidden/h.txt", "a.txt.json", "i.json"}) {
            Files.writeString(inbox.resolve(name), "本报讯");
        }

        assertThat(new InboxScanner().scan(inbox).keySet())
                .containsExactlyInAnyOrder(inbox.resolve("a.txt"), inbox.resolve("2024-09-06/b.txt"));
    }

    @Test
    void listsSymbolicLinksAndFifosWithPageNamesWithoutFollowingOrOpeningThem(@TempDir Path inbox) throws Exception {
        Files.createSymbolicLink(inbox.resolve("zero.txt"), Path.of("/dev/zero"));
        Files.createSymbolicLink(inbox.resolve("folder-link"), Path.of("/"));
        assertThat(new ProcessBuilder("mkfifo", inbox.resolve("fifo.txt").toString()).start().waitFor()).isZero();

        assertThat(new InboxScanner().scan(inbox).keySet())
                .containsExactlyInAnyOrder(inbox.resolve("zero.txt"), inbox.resolve("folder-link"), inbox.resolve("fifo.txt"));
    }
}
