package io.newsflow.search.query;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleQueryTest {

    @Test
    void rejectsSizesOutsideOneToHundred() {
        assertThatThrownBy(() -> new ArticleQuery("杜小刚", 1, 0)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("size must be between 1 and 100, was 0");
        assertThatThrownBy(() -> new ArticleQuery("杜小刚", 1, 101)).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void refusesDeepPagingWithAClearMessage() {
        assertThatThrownBy(() -> new ArticleQuery("杜小刚", 101, 100)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("10000");
        assertThat(new ArticleQuery("杜小刚", 100, 100).offset()).isEqualTo(9_900);
    }

    @Test
    void refusesPagesBelowOne() {
        assertThatThrownBy(() -> new ArticleQuery("杜小刚", 0, 10)).hasMessage("page starts at 1, was 0");
    }

    @Test
    void refusesAFromDateAfterTheToDate() {
        assertThatThrownBy(() -> query(LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 1)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("from (2024-05-02) must not be after to (2024-05-01)");
    }

    @Test
    void acceptsASingleDayAndOpenRanges() {
        LocalDate day = LocalDate.of(2023, 12, 20);

        assertThat(query(day, day).from()).isEqualTo(day);
        assertThat(query(day, null).to()).isNull();
        assertThat(query(null, day).from()).isNull();
    }

    @Test
    void refusesTextOverFiveHundredCharacters() {
        assertThatThrownBy(() -> new ArticleQuery("太".repeat(501), 1, 10)).hasMessage("q is longer than 500 characters");
    }

    @Test
    void refusesAnUnclosedPhrase() {
        assertThatThrownBy(() -> new ArticleQuery("\"太湖综合治理", 1, 10)).isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith("q has an unclosed double quote");
    }

    @Test
    void refusesUnbalancedParentheses() {
        assertThatThrownBy(() -> new ArticleQuery("(太湖 | 长江", 1, 10)).hasMessage("q has an opening parenthesis without a closing one");
        assertThatThrownBy(() -> new ArticleQuery("太湖) 长江", 1, 10)).hasMessage("q has a closing parenthesis without an opening one");
    }

    @Test
    void readsQuotesAndParenthesesInsideAPhraseOrEscapedAsText() {
        assertThat(new ArticleQuery("\"太湖(综合\" 治理\\)", 1, 10).text()).isEqualTo("\"太湖(综合\" 治理\\)");
    }

    @Test
    void takesChineseQuotationMarksAsAPhrase() {
        assertThat(new ArticleQuery("“太湖综合治理”", 1, 10).text()).isEqualTo("\"太湖综合治理\"");
    }

    @Test
    void dropsBlankAndRepeatedFilterValues() {
        ArticleFilters filters = new ArticleFilters(Arrays.asList("杜小刚", " ", null, "杜小刚 ", "赵建军"), null, null, null, null, null);

        assertThat(filters.persons()).containsExactly("杜小刚", "赵建军");
        assertThat(filters.places()).isEmpty();
    }

    @Test
    void refusesMoreThanTwentyValuesOfOneFilter() {
        List<String> many = Collections.nCopies(21, "x").stream().map(s -> s + Math.random()).toList();

        assertThatThrownBy(() -> new ArticleFilters(null, many, null, null, null, null))
                .hasMessage("at most 20 place values, were 21");
    }

    @Test
    void defaultsToRelevanceAndNoFilters() {
        ArticleQuery query = new ArticleQuery(" 太湖 ", null, null, null, null, 1, 10);

        assertThat(query.text()).isEqualTo("太湖");
        assertThat(query.sort()).isEqualTo(ArticleSort.RELEVANCE);
        assertThat(query.filters()).isEqualTo(ArticleFilters.NONE);
    }

    private static ArticleQuery query(LocalDate from, LocalDate to) {
        return new ArticleQuery("", ArticleFilters.NONE, from, to, ArticleSort.DATE, 1, 10);
    }
}
