package io.newsflow.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** What the launcher tells search-service about ingest-service, whose inbox its overview page asks about. */
class NewsflowSystemConfigTest {
    private static final LocalStack.Endpoints ENDPOINTS = new LocalStack.Endpoints("127.0.0.1:9092", "http://127.0.0.1:9200");

    @Test
    void searchServiceIsToldWhereIngestAnswersAndNeedsNoCredentialsWhenReadingIsOpen(@TempDir Path home) throws Exception {
        NewsflowSystem system = system(home, false);

        Map<String, String> config = system.serviceConfig("search-service", ENDPOINTS, system.credentials());

        assertThat(config).containsEntry("newsflow.search.web.ingest-url", "http://127.0.0.1:18081")
                .doesNotContainKey("newsflow.search.web.ingest-password");
        assertThat(config.get("quarkus.config.locations")).doesNotContain("search-service-ingest");
        assertThat(system.serviceConfig("ingest-service", ENDPOINTS, system.credentials()))
                .doesNotContainKey("newsflow.search.web.ingest-url");
    }

    @Test
    void whenReadingIsProtectedSearchServiceAsksAsTheReaderWithThePasswordInAFileOnly(@TempDir Path home) throws Exception {
        NewsflowSystem system = system(home, true);
        Credentials credentials = system.credentials();

        Map<String, String> config = system.serviceConfig("search-service", ENDPOINTS, credentials);

        Path file = credentials.folder().resolve("search-service-ingest.properties");
        assertThat(config.get("quarkus.config.locations")).endsWith("," + file.toUri());
        assertThat(config.values().stream().noneMatch(v -> v.contains(credentials.password("reader"))))
                .as("the reader's password on the command line").isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties given = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            given.load(in);
        }
        assertThat(given.getProperty("newsflow.search.web.ingest-user")).isEqualTo("reader");
        assertThat(credentials.password("reader").equals(given.getProperty("newsflow.search.web.ingest-password")))
                .as("the file holds the reader's password").isTrue();
    }

    private static NewsflowSystem system(Path home, boolean readProtected) {
        return new NewsflowSystem(new NewsflowSystem.Options(home, home.resolve("repository"), 19092, 19200, 18080, 18081, 18082,
                readProtected, LogRotation.DEFAULT));
    }
}
