package io.newsflow.ingest.process;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.publish.PagePublisher;
import io.newsflow.ingest.publish.PublishedPages;
import io.newsflow.ingest.watch.ClaimedFile;
import io.newsflow.ingest.watch.InboxFolders;
import io.newsflow.model.Page;
import io.newsflow.pagefiles.PageFile;
import io.quarkus.runtime.configuration.MemorySize;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One claimed file through {@link FileIngestor}, with a publisher that stands in for Kafka and can act meanwhile. */
class FileIngestorTest {
    private static final String FIRST_HALF = "本报讯 12月20日下午，连云港经济技术开发区与江苏长电科技股份有限公司在南京签署战略合作协议。\n";
    private static final String SECOND_HALF = "省长许昆林出席并见证签约。（高美梅）\n";

    @TempDir
    Path home;
    private Path inbox;
    private InboxFolders folders;
    private final List<Page> published = new CopyOnWriteArrayList<>();
    /** What the stand-in for Kafka does while a page is being published: the writer that goes on, here. */
    private Consumer<ClaimedFile> duringPublication = claim -> { };
    private ClaimedFile current;
    private FileIngestor ingestor;
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void ingestor() throws IOException {
        inbox = home.resolve("inbox");
        IngestConfig config = config(home);
        folders = new InboxFolders(config, "test");
        folders.create();
        PagePublisher kafka = new PagePublisher(null) {
            @Override
            public void publish(Page page, Duration timeout) {
                published.add(page);
                duringPublication.accept(current);
            }
        };
        ingestor = new FileIngestor(config, kafka, new IngestMetrics(new SimpleMeterRegistry()));
        Logger.getLogger("io.newsflow.ingest").addHandler(logCapture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("io.newsflow.ingest").removeHandler(logCapture);
    }

    @Test
    void anUnchangedFileIsPublishedAndArchived() throws Exception {
        byte[] bytes = (FIRST_HALF + SECOND_HALF).getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("2023-12-21_front.txt"), bytes);

        assertThat(ingest("2023-12-21_front.txt")).isEqualTo(IngestOutcome.PUBLISHED);

        assertThat(published).singleElement().satisfies(page -> assertThat(page.sha256()).isEqualTo(PageFile.sha256(bytes)));
        assertThat(filesUnder(home.resolve("archive"))).singleElement().satisfies(file -> assertThat(file).hasBinaryContent(bytes));
        assertThat(filesUnder(inbox)).isEmpty();
    }

    @Test
    void aFileAppendedToWhileItsPageIsPublishedGoesBackToTheInboxAndIsTakenAgainAsAWhole() throws Exception {
        Files.writeString(inbox.resolve("2023-12-21_front.txt"), FIRST_HALF);
        duringPublication = claim -> append(claim.file(), SECOND_HALF);

        assertThat(ingest("2023-12-21_front.txt")).isEqualTo(IngestOutcome.CHANGED);

        assertThat(published).singleElement().satisfies(page -> assertThat(page.text()).isEqualTo(FIRST_HALF));
        assertThat(filesUnder(home.resolve("archive"))).as("nothing archived as if it had been published").isEmpty();
        assertThat(inbox.resolve("2023-12-21_front.txt")).hasContent(FIRST_HALF + SECOND_HALF);
        assertThat(warnings).anySatisfy(warning -> assertThat(message(warning))
                .contains("file=\"2023-12-21_front.txt\" outcome=changed reason=changed-while-read")
                .contains("page " + PageFile.sha256(FIRST_HALF.getBytes(StandardCharsets.UTF_8)) + " was published from its first"));

        duringPublication = claim -> { };
        assertThat(ingest("2023-12-21_front.txt")).isEqualTo(IngestOutcome.PUBLISHED);
        assertThat(published).hasSize(2).last().satisfies(page -> assertThat(page.text()).isEqualTo(FIRST_HALF + SECOND_HALF));
        assertThat(filesUnder(home.resolve("archive"))).singleElement()
                .satisfies(file -> assertThat(file).hasContent(FIRST_HALF + SECOND_HALF));
    }

    @Test
    void aFileRewrittenInPlaceToTheSameSizeIsNoticedByItsHash() throws Exception {
        String text = FIRST_HALF + SECOND_HALF;
        Files.writeString(inbox.resolve("2023-12-21_front.txt"), text);
        String rewritten = text.replace("连云港", "无锡市");
        duringPublication = claim -> {
            try {
                Files.writeString(claim.file(), rewritten, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        assertThat(ingest("2023-12-21_front.txt")).isEqualTo(IngestOutcome.CHANGED);

        assertThat(filesUnder(home.resolve("archive"))).isEmpty();
        assertThat(inbox.resolve("2023-12-21_front.txt")).hasContent(rewritten);
    }

    @Test
    void aPageWhoseModificationTimeIsTheEpochIsPublishedWithoutAnIssueDate() throws Exception {
        Path file = Files.writeString(inbox.resolve("front.txt"), FIRST_HALF + SECOND_HALF);
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));

        assertThat(ingest("front.txt")).isEqualTo(IngestOutcome.PUBLISHED);

        assertThat(published).singleElement().satisfies(page -> {
            assertThat(page.issueDate()).isNull();
            assertThat(page.issueDateSource()).isNull();
        });
        assertThat(warnings).anySatisfy(warning -> assertThat(message(warning)).contains("file=\"front.txt\" issueDate=none"));
    }

    @Test
    void theHashOfAPagePublishedBeforeTheFileChangedStaysRecorded() throws Exception {
        Files.writeString(inbox.resolve("2023-12-21_front.txt"), FIRST_HALF);
        duringPublication = claim -> append(claim.file(), SECOND_HALF);
        ingest("2023-12-21_front.txt");

        PublishedPages state = new PublishedPages(home.resolve("state"), Duration.ofMinutes(1));
        assertThat(state.reserve(PageFile.sha256(FIRST_HALF.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(PublishedPages.Reservation.ALREADY_PUBLISHED);
    }

    private IngestOutcome ingest(String name) throws IOException {
        current = folders.claim(inbox.resolve(name)).orElseThrow();
        return ingestor.ingest(current, folders);
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    /** What FileIngestor and InboxFolders read of the configuration, with the service's defaults. */
    private static IngestConfig config(Path home) {
        IngestConfig.IssueDates issueDates = (IngestConfig.IssueDates) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(),
                new Class<?>[]{IngestConfig.IssueDates.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "earliest" -> LocalDate.of(1900, 1, 1);
                    case "ahead" -> Period.ofYears(1);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Map<String, Object> values = Map.of("inbox", home.resolve("inbox"), "processing", home.resolve("processing"),
                "archive", home.resolve("archive"), "failed", home.resolve("failed"), "state", home.resolve("state"),
                "maxFileSize", new MemorySize(BigInteger.valueOf(64 * 1024)), "publishTimeout", Duration.ofSeconds(40),
                "timeZone", ZoneId.of("Asia/Shanghai"), "issueDate", issueDates);
        return (IngestConfig) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(), new Class<?>[]{IngestConfig.class},
                (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
