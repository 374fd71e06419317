package io.newsflow.pagefiles;

import io.newsflow.model.IssueDateSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IssueDateResolverTest {
    private static final FileTime MODIFIED = FileTime.from(Instant.parse("2024-09-07T17:30:00Z"));
    private final IssueDateResolver resolver = new IssueDateResolver(ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest
    @CsvSource({
            "2024-09-06.txt, 2024-09-06",
            "wuxi-daily-20240906-p1.txt, 2024-09-06",
            "page_2024_09_06_front.txt, 2024-09-06",
            "20241399-20230102.txt, 2023-01-02"})
    void readsIssueDateFromFileName(String name, LocalDate expected) {
        assertThat(resolver.resolve(Path.of("2020-01-01", name), Optional.empty(), MODIFIED))
                .isEqualTo(new IssueDateResolver.ResolvedDate(expected, IssueDateSource.FILENAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240906/page-1.txt", "wuxi/2024_09_06/front/page-1.txt", "2024/09/06/page-1.txt"})
    void readsIssueDateFromAParentFolderWhenTheNameHasNone(String relative) {
        assertThat(resolver.resolve(Path.of(relative), Optional.empty(), MODIFIED))
                .isEqualTo(new IssueDateResolver.ResolvedDate(LocalDate.of(2024, 9, 6), IssueDateSource.FOLDER));
    }

    @Test
    void readsIssueDateFromASidecarWhenNameAndFoldersHaveNone(@TempDir Path dir) throws Exception {
        Path sidecar = Files.writeString(dir.resolve("page.txt.json"), "{\"issueDate\":\"2024-09-06\",\"source\":\"scanner 3\"}");

        assertThat(resolver.resolve(Path.of("page.txt"), Optional.of(sidecar), MODIFIED))
                .isEqualTo(new IssueDateResolver.ResolvedDate(LocalDate.of(2024, 9, 6), IssueDateSource.SIDECAR));
    }

    @Test
    void fallsBackToTheModificationDateInTheConfiguredZone(@TempDir Path dir) throws Exception {
        Path brokenSidecar = Files.writeString(dir.resolve("page.json"), "{not json");

        // 17:30 UTC is already the next day in Shanghai
        assertThat(resolver.resolve(Path.of("000_d79d82bd7f5a9708.txt"), Optional.of(brokenSidecar), MODIFIED))
                .isEqualTo(new IssueDateResolver.ResolvedDate(LocalDate.of(2024, 9, 8), IssueDateSource.MTIME));
    }
}
