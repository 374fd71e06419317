package io.newsflow.search.query;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest {

    @Test
    void readsWholeNumbersAndDefaultsWhenAbsent() {
        assertThat(QueryParameters.wholeNumber("page", " 3 ", 1)).isEqualTo(3);
        assertThat(QueryParameters.wholeNumber("page", null, 1)).isEqualTo(1);
        assertThat(QueryParameters.wholeNumber("page", "", 1)).isEqualTo(1);
    }

    @Test
    void refusesTextWhereANumberBelongsNamingTheParameter() {
        assertThatThrownBy(() -> QueryParameters.wholeNumber("size", "abc", 10)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("size must be a whole number, was \"abc\"");
        assertThatThrownBy(() -> QueryParameters.wholeNumber("page", "1.5", 1)).hasMessageStartingWith("page must be a whole number");
    }

    @Test
    void checksTheRangeOfASize() {
        assertThat(QueryParameters.size(null, 10)).isEqualTo(10);
        assertThatThrownBy(() -> QueryParameters.size("0", 10)).hasMessage("size must be between 1 and 100, was 0");
    }

    @Test
    void readsIsoDates() {
        assertThat(QueryParameters.date("from", "2023-12-20")).isEqualTo(LocalDate.of(2023, 12, 20));
        assertThat(QueryParameters.date("from", null)).isNull();
    }

    @Test
    void refusesImpossibleAndMalformedDates() {
        assertThatThrownBy(() -> QueryParameters.date("from", "2024-13-01")).isInstanceOf(InvalidQueryException.class)
                .hasMessage("from must be a date yyyy-MM-dd, was \"2024-13-01\"");
        assertThatThrownBy(() -> QueryParameters.date("to", "2023-02-29")).hasMessageStartingWith("to must be a date");
        assertThatThrownBy(() -> QueryParameters.date("to", "20.12.2023")).hasMessageStartingWith("to must be a date");
        assertThatThrownBy(() -> QueryParameters.date("to", "+12023-01-01")).hasMessageStartingWith("to must be a date");
    }

    @Test
    void quotesOnlyTheStartOfALongValue() {
        assertThatThrownBy(() -> QueryParameters.wholeNumber("size", "9".repeat(1000), 10))
                .hasMessage("size must be a whole number, was \"" + "9".repeat(40) + "…\"");
    }

    @Test
    void readsSortNamesInAnyCase() {
        assertThat(ArticleSort.parse("date")).isEqualTo(ArticleSort.DATE);
        assertThat(ArticleSort.parse("Relevance")).isEqualTo(ArticleSort.RELEVANCE);
        assertThat(ArticleSort.parse(null)).isEqualTo(ArticleSort.RELEVANCE);
        assertThatThrownBy(() -> ArticleSort.parse("popular")).isInstanceOf(InvalidQueryException.class)
                .hasMessage("sort must be one of relevance | date, was \"popular\"");
    }
}
