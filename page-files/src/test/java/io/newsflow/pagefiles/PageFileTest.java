package io.newsflow.pagefiles;

import io.newsflow.model.IssueDateSource;
import io.newsflow.model.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PageFileTest {
    private static final String TEXT = "本报讯 12月20日，市委书记杜小刚主持召开会议。（高美梅）\n";

    @Test
    void aPageWhoseModificationTimeIsTheEpochHasNoIssueDate(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("front.txt"), TEXT);
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));

        Page page = PageFile.read(file, Optional.empty(), ZoneId.of("Asia/Shanghai"), Instant.now());

        assertThat(page.issueDate()).isNull();
        assertThat(page.issueDateSource()).isNull();
        assertThat(page.text()).isEqualTo(TEXT);
    }

    @Test
    void anAbsolutePathWithoutADateInItsFoldersFallsBackToTheModificationTime(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("front.txt"), TEXT);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-09-07T17:30:00Z")));

        Page page = PageFile.read(file.toAbsolutePath(), Optional.empty(), ZoneId.of("Asia/Shanghai"), Instant.now());

        assertThat(page.issueDate()).isEqualTo("2024-09-08");
        assertThat(page.issueDateSource()).isEqualTo(IssueDateSource.MTIME);
    }

    @Test
    void aGivenIssueDateWins(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("front.txt"), TEXT);
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));

        Page page = PageFile.read(file, Optional.of(LocalDate.of(2023, 12, 21)), ZoneId.of("Asia/Shanghai"), Instant.now());

        assertThat(page.issueDate()).isEqualTo("2023-12-21");
        assertThat(page.issueDateSource()).isEqualTo(IssueDateSource.SIDECAR);
    }

    @Test
    void theStreamedHashOfAFileIsTheHashOfItsBytesUpToTheLimit(@TempDir Path dir) throws Exception {
        byte[] bytes = TEXT.repeat(5000).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("front.txt"), bytes);

        assertThat(PageFile.sha256(file, bytes.length + 1L)).isEqualTo(PageFile.sha256(bytes));
        assertThat(PageFile.sha256(file, 10)).isEqualTo(PageFile.sha256(java.util.Arrays.copyOf(bytes, 10)));
    }
}
