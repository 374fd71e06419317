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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class IssueDateResolverTest {
    private static final FileTime MODIFIED = FileTime.from(Instant.parse("2024-09-07T17:30:00Z"));
    private final IssueDateResolver resolver = new IssueDateResolver(ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest
    @CsvSource({
            "2024-09-06.txt, 2024-09-06",
            "wuxi-daily-20240906-p1.txt, 2024-09-06",
            "page_2024_09_06_front.txt, 2024-09-06",
            "20241399-20230102.txt, 2023-01-02"})
    void readsIssueDateFromFileName(String name, LocalDate expected) throws Exception {
        assertThat(resolver.resolve(Path.of("2020-01-01", name), Optional.empty(), MODIFIED))
                .isEqualTo(new IssueDateResolver.ResolvedDate(expected, IssueDateSource.FILENAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240906/page-1.txt", "wuxi/2024_09_06/front/page-1.txt", "2024/09/06/page-1.txt"})
    void readsIssueDateFromAParentFolderWhenTheNameHasNone(String relative) throws Exception {
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
    void fallsBackToTheModificationDateInTheConfiguredZone() throws Exception {
        // 17:30 UTC is already the next day in Shanghai
        assertThat(resolver.resolve(Path.of("000_d79d82bd7f5a9708.txt"), Optional.empty(), MODIFIED))
                .isEqualTo(new IssueDateResolver.ResolvedDate(LocalDate.of(2024, 9, 8), IssueDateSource.MTIME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "{not json", "[\"2024-09-06\"]", "{\"issueDate\":20240906}", "{\"issueDate\":null}",
            "{\"issueDate\":\"06.09.2024\"}"})
    void refusesAnEmptyOrMalformedSidecarInsteadOfFallingBackToTheModificationDate(String content, @TempDir Path dir) throws Exception {
        Path sidecar = Files.writeString(dir.resolve("page.json"), content);

        assertThatThrownBy(() -> resolver.resolve(Path.of("page.txt"), Optional.of(sidecar), MODIFIED))
                .isInstanceOfSatisfying(NotTextException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotTextException.Reason.SIDECAR);
                    assertThat(e.getMessage()).startsWith("the sidecar");
                });
    }

    @Test
    void aSidecarWithOtherNotesButNoIssueDateLeavesTheDateToTheNextRule(@TempDir Path dir) throws Exception {
        Path sidecar = Files.writeString(dir.resolve("page.json"), "{\"originalName\":\"front page.txt\"}");

        assertThat(resolver.resolve(Path.of("page.txt"), Optional.of(sidecar), MODIFIED))
                .isEqualTo(new IssueDateResolver.ResolvedDate(LocalDate.of(2024, 9, 8), IssueDateSource.MTIME));
    }

    @Test
    void aBrokenSidecarIsRefusedEvenWhenTheNameGivesTheDate(@TempDir Path dir) throws Exception {
        Path sidecar = Files.writeString(dir.resolve("2024-09-06.json"), "{not json");

        assertThatThrownBy(() -> resolver.resolve(Path.of("2024-09-06.txt"), Optional.of(sidecar), MODIFIED))
                .isInstanceOfSatisfying(NotTextException.class, e -> assertThat(e.reason()).isEqualTo(NotTextException.Reason.SIDECAR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "0000-01-01", "-0001-01-01", "1899-12-31", "9999-12-31"})
    void refusesSidecarDatesOutsideThePlausibleRange(String date, @TempDir Path dir) throws Exception {
        Path sidecar = Files.writeString(dir.resolve("page.json"), "{\"issueDate\":\"" + date + "\"}");

        assertThatThrownBy(() -> resolver.resolve(Path.of("page.txt"), Optional.of(sidecar), MODIFIED))
                .isInstanceOfSatisfying(NotTextException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotTextException.Reason.ISSUE_DATE);
                    assertThat(e.getMessage()).contains("outside the plausible range 1900-01-01 to");
                });
    }

    @Test
    void refusesNameFolderAndGivenDatesOutsideAConfiguredRange() {
        Clock today = Clock.fixed(Instant.parse("2024-09-10T00:00:00Z"), ZoneOffset.UTC);
        IssueDateResolver narrow = new IssueDateResolver(new IssueDateRange(LocalDate.of(2000, 1, 1), Period.ofDays(7),
                ZoneId.of("Asia/Shanghai"), today));

        assertThatThrownBy(() -> narrow.resolve(Path.of("page-2024-09-18.txt"), Optional.empty(), MODIFIED))
                .hasMessageContaining("from the file name is outside the plausible range 2000-01-01 to 2024-09-17");
        assertThatThrownBy(() -> narrow.resolve(Path.of("1999-12-31/page.txt"), Optional.empty(), MODIFIED))
                .hasMessageContaining("from the folder name");
        assertThatThrownBy(() -> narrow.given(LocalDate.of(1999, 1, 1), "issueDate"))
                .isInstanceOfSatisfying(NotTextException.class, e -> assertThat(e.reason()).isEqualTo(NotTextException.Reason.ISSUE_DATE));
    }

    /** Nobody stated a modification date: outside the range it is no date, and no reason to refuse the page either. */
    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31T12:00:00Z", "2024-09-18T12:00:00Z", "2100-01-01T00:00:00Z"})
    void aModificationDateOutsideTheRangeGivesNoIssueDate(String modified) throws Exception {
        Clock today = Clock.fixed(Instant.parse("2024-09-10T00:00:00Z"), ZoneOffset.UTC);
        IssueDateResolver narrow = new IssueDateResolver(new IssueDateRange(LocalDate.of(2000, 1, 1), Period.ofDays(7),
                ZoneId.of("Asia/Shanghai"), today));

        assertThat(narrow.resolve(Path.of("page.txt"), Optional.empty(), FileTime.from(Instant.parse(modified))))
                .isEqualTo(IssueDateResolver.ResolvedDate.NONE);
    }

    /** An unset clock (a copy that lost its times, a device without a clock) says 1970-01-01: that is no issue date. */
    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "1970-01-01T23:59:59Z", "1969-12-31T23:59:59Z", "1901-06-01T00:00:00Z"})
    void aModificationTimeOfAnUnsetClockGivesNoIssueDate(String modified) throws Exception {
        IssueDateResolver.ResolvedDate resolved = resolver.resolve(Path.of("page.txt"), Optional.empty(),
                FileTime.from(Instant.parse(modified)));

        assertThat(resolved).isEqualTo(IssueDateResolver.ResolvedDate.NONE);
        assertThat(resolved.isPresent()).isFalse();
    }

    @Test
    void theRulesBeforeTheModificationTimeStillAnswerWhenItIsUnset(@TempDir Path dir) throws Exception {
        FileTime epoch = FileTime.fromMillis(0);
        Path sidecar = Files.writeString(dir.resolve("page.json"), "{\"issueDate\":\"2024-09-05\"}");

        assertThat(resolver.resolve(Path.of("2024-09-06_front.txt"), Optional.empty(), epoch).date()).isEqualTo("2024-09-06");
        assertThat(resolver.resolve(Path.of("2024-09-04/front.txt"), Optional.empty(), epoch).date()).isEqualTo("2024-09-04");
        assertThat(resolver.resolve(Path.of("page.txt"), Optional.of(sidecar), epoch).date()).isEqualTo("2024-09-05");
        assertThat(resolver.resolve(Path.of("page.txt"), Optional.empty(), FileTime.from(Instant.parse("1970-01-02T00:00:00Z"))))
                .isEqualTo(new IssueDateResolver.ResolvedDate(LocalDate.of(1970, 1, 2), IssueDateSource.MTIME));
    }

    @Test
    void refusesAnOversizedSidecarWithoutReadingItWhole(@TempDir Path dir) throws Exception {
        Path sidecar = dir.resolve("page.json");
        try (var out = Files.newOutputStream(sidecar)) {
            out.write("{\"issueDate\":\"2024-09-06\",\"pad\":\"".getBytes());
            out.write(new byte[20 * 1024 * 1024]);
        }

        assertThatThrownBy(() -> resolver.resolve(Path.of("page.txt"), Optional.of(sidecar), MODIFIED))
                .isInstanceOfSatisfying(NotTextException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotTextException.Reason.SIDECAR);
                    assertThat(e.getMessage()).contains("more than the maximum of 65536");
                });
    }

    @Test
    void refusesASidecarThatIsASymbolicLinkOrAFifoWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        Path fifo = dir.resolve("fifo.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        for (Path sidecar : new Path[]{link, fifo}) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                    assertThatThrownBy(() -> resolver.resolve(Path.of("page.txt"), Optional.of(sidecar), MODIFIED))
                            .isInstanceOfSatisfying(NotTextException.class, e -> {
                                assertThat(e.reason()).isEqualTo(NotTextException.Reason.SIDECAR);
                                assertThat(e.getMessage()).contains("is not a page file: it is not opened");
                            }));
        }
    }
}
