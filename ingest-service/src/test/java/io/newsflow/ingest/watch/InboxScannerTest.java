package io.newsflow.ingest.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** An inbox replaced by a file was once listed as a page of itself, and moved to failed/. */
    @Test
    void anInboxThatIsARegularFileIsReportedAndNeverListed(@TempDir Path home) throws Exception {
        Path inbox = Files.writeString(home.resolve("inbox"), "本报讯 不是文件夹。");

        assertThatThrownBy(() -> new InboxScanner().scan(inbox))
                .isInstanceOf(InboxScanner.NotAFolderException.class)
                .hasMessage("inbox \"" + inbox + "\" is a regular file, not a folder: nothing is taken until it is one");
    }

    @Test
    void aMissingInboxOrALinkToAFileIsReportedToo(@TempDir Path home) throws Exception {
        Path linkToFile = Files.createSymbolicLink(home.resolve("linked"), Files.writeString(home.resolve("file.txt"), "本报讯"));

        assertThatThrownBy(() -> new InboxScanner().scan(home.resolve("missing")))
                .isInstanceOf(InboxScanner.NotAFolderException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new InboxScanner().scan(linkToFile))
                .isInstanceOf(InboxScanner.NotAFolderException.class).hasMessageContaining("is a symbolic link to no folder");
    }

    @Test
    void anInboxThatIsALinkToAFolderIsListedUnderItsOwnPath(@TempDir Path home) throws Exception {
        Path real = Files.createDirectories(home.resolve("real/2024-09-06"));
        Files.writeString(real.resolve("a.txt"), "本报讯");
        Path inbox = Files.createSymbolicLink(home.resolve("inbox"), home.resolve("real"));

        assertThat(new InboxScanner().scan(inbox).keySet()).containsExactly(inbox.resolve("2024-09-06/a.txt"));
    }
}
