package io.newsflow.ingest.watch;

import io.newsflow.ingest.config.IngestConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class InboxFoldersTest {
    @TempDir
    Path home;
    private Path inbox;
    private Path failed;
    private InboxFolders folders;

    @BeforeEach
    void folders() throws Exception {
        inbox = home.resolve("inbox");
        failed = home.resolve("failed");
        folders = new InboxFolders(config(home), "one");
        folders.create();
    }

    @Test
    void recoverClaimsPutsUnfinishedClaimsBackWithTheirSidecarsAndExactNames() throws Exception {
        Files.createDirectories(inbox.resolve("2024-09-06"));
        for (String name : List.of("2024-09-06/front.txt", "ends in space .txt ", "line\nbreak.txt")) {
            Files.writeString(inbox.resolve(name), "本报讯");
        }
        Files.writeString(inbox.resolve("line\nbreak.json"), "{\"issueDate\":\"2024-09-05\"}");
        for (String name : List.of("2024-09-06/front.txt", "ends in space .txt ", "line\nbreak.txt")) {
            assertThat(folders.claim(inbox.resolve(name))).isPresent();
        }
        assertThat(filesUnder(inbox)).isEmpty();
        // a crash between creating a claim folder and the rename leaves an empty folder
        Files.createDirectories(home.resolve("processing/one/left-by-a-crash"));

        // a restart of the same instance
        int recovered = new InboxFolders(config(home), "one").recoverClaims();

        assertThat(recovered).isEqualTo(3);
        assertThat(filesUnder(inbox)).containsExactlyInAnyOrder(
                inbox.resolve("2024-09-06/front.txt"), inbox.resolve("ends in space .txt "),
                inbox.resolve("line\nbreak.txt"), inbox.resolve("line\nbreak.json"));
        assertThat(filesUnder(home.resolve("processing"))).isEmpty();
        try (Stream<Path> left = Files.list(home.resolve("processing/one"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void creatingTheFoldersLeavesAnInboxThatIsNoFolderAsItIs(@TempDir Path otherHome) throws Exception {
        Path inbox = Files.writeString(otherHome.resolve("inbox"), "not a folder");

        new InboxFolders(config(otherHome), "one").create();

        assertThat(inbox).isRegularFile().hasContent("not a folder");
        assertThat(otherHome.resolve("failed")).isDirectory();
        assertThat(otherHome.resolve("processing/one")).isDirectory();
    }

    @Test
    void recoverClaimsTakesBackAClaimedSymbolicLinkWhoseTargetIsGone() throws Exception {
        Files.createSymbolicLink(inbox.resolve("link.txt"), home.resolve("nowhere"));
        assertThat(folders.claim(inbox.resolve("link.txt"))).isPresent();

        assertThat(folders.recoverClaims()).isEqualTo(1);

        assertThat(Files.isSymbolicLink(inbox.resolve("link.txt"))).isTrue();
    }

    @Test
    void claimsAFileWhoseNameIsTheLongestTheFileSystemAllows() throws Exception {
        String name = "a".repeat(251) + ".txt"; // 255 bytes: "<name>.json" cannot exist, the claim must not trip over it
        Files.writeString(inbox.resolve(name), "本报讯");

        ClaimedFile claim = folders.claim(inbox.resolve(name)).orElseThrow();

        assertThat(claim.file()).exists();
        assertThat(claim.sidecar()).isEmpty();
        assertThat(folders.recoverClaims()).isEqualTo(1);
        assertThat(inbox.resolve(name)).exists();
    }

    @Test
    void failsALongNameUnderAShortenedNameWithItsReportBeside() throws Exception {
        String name = "版".repeat(83) + "a.txt";
        Files.writeString(inbox.resolve(name), "本报讯");
        ClaimedFile claim = folders.claim(inbox.resolve(name)).orElseThrow();

        Path moved = folders.fail(claim, finalName -> ("{\"file\":\"" + finalName + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(moved.getParent()).isEqualTo(failed);
        assertThat(moved.getFileName().toString()).isNotEqualTo(name).endsWith(".txt");
        Path report = failed.resolve(moved.getFileName() + ".error.json");
        assertThat(report).hasContent("{\"file\":\"" + moved.getFileName() + "\"}");
    }

    @Test
    void moveWithNoteTakesTheNextFreeNameAndWritesTheNoteFirst() throws Exception {
        Files.writeString(failed.resolve("page.txt"), "earlier");
        Path file = Files.writeString(inbox.resolve("page.txt"), "本报讯");
        Path[] fileSeenWhenNoteWritten = new Path[1];

        Path moved = InboxFolders.moveWithNote(file, failed, ".error.json", finalName -> {
            fileSeenWhenNoteWritten[0] = failed.resolve(finalName);
            return finalName.getBytes(StandardCharsets.UTF_8);
        });

        assertThat(moved).isEqualTo(failed.resolve("page.1.txt"));
        assertThat(failed.resolve("page.1.txt.error.json")).hasContent("page.1.txt");
        assertThat(failed.resolve("page.txt")).hasContent("earlier");
        assertThat(fileSeenWhenNoteWritten[0]).isEqualTo(moved);
        try (Stream<Path> temporary = Files.list(failed)) {
            assertThat(temporary).noneMatch(p -> p.getFileName().toString().startsWith(".note-"));
        }
    }

    @Test
    void failUnclaimedMovesAFileStraightFromTheInbox() throws Exception {
        Path fifo = inbox.resolve("fifo.txt");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        Path moved = folders.failUnclaimed(fifo, finalName -> "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(moved).isEqualTo(failed.resolve("fifo.txt"));
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(failed.resolve("fifo.txt.error.json")).exists();
    }

    private static List<Path> filesUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().equals(".origin")).toList();
        }
    }

    /** Only the folders: what InboxFolders reads of the configuration. */
    static IngestConfig config(Path home) {
        Map<String, Path> paths = Map.of("inbox", home.resolve("inbox"), "processing", home.resolve("processing"),
                "archive", home.resolve("archive"), "failed", home.resolve("failed"), "state", home.resolve("state"));
        return (IngestConfig) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(), new Class<?>[]{IngestConfig.class},
                (proxy, method, args) -> {
                    if (paths.containsKey(method.getName())) {
                        return paths.get(method.getName());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
