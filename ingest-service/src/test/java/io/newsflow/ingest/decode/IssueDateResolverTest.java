package io.newsflow.ingest.decode;

import io.newsflow.model.IssueDateSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IssueDateResolverTest {
    private final IssueDateResolver resolver = new IssueDateResolver();

    @ParameterizedTest
    @CsvSource({
            "2024-09-06.txt, 2024-09-06",
            "wuxi-daily-20240906-p1.txt, 2024-09-06",
            "page_2024_09_06_front.txt, 2024-09-06",
            "20241399-20230102.txt, 2023-01-02"})
    void readsIssueDateFromFileName(String name, LocalDate expected) {
        var resolved = resolver.resolve(Path.of("inbox", name));

        assertThat(resolved).isPresent();
        assertThat(resolved.get().date()).isEqualTo(expected);
        assertThat(resolved.get().source()).isEqualTo(IssueDateSource.FILENAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_d79d82bd7f5a9708.txt", "page-1.txt", "120240906.txt"})
    void findsNoDateInNamesWithoutOne(String name) {
        assertThat(resolver.resolve(Path.of(name))).isEmpty();
    }
}
