package io.newsflow.search.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SearchFormTest {
    private final SearchForm form = new SearchForm(" 太湖 治理 ", Map.of("person", List.of("杜小刚", " ", "杜小刚"), "category", List.of("environment")),
            "2023-12-01", "", "date", "3", "");

    @Test
    void holdsTheWholeStateInTheUrlUnderTheApisParameterNames() {
        assertThat(form.url()).isEqualTo("/?q=%E5%A4%AA%E6%B9%96%20%E6%B2%BB%E7%90%86&person=%E6%9D%9C%E5%B0%8F%E5%88%9A"
                + "&category=environment&from=2023-12-01&sort=date&page=3");
        assertThat(new SearchForm(null, Map.of(), null, null, null, null, null).url()).isEqualTo("/");
    }

    @Test
    void addingOrRemovingAFilterValueGoesBackToTheFirstPage() {
        assertThat(form.with("place", "宜兴市")).isEqualTo("/?q=%E5%A4%AA%E6%B9%96%20%E6%B2%BB%E7%90%86"
                + "&person=%E6%9D%9C%E5%B0%8F%E5%88%9A&place=%E5%AE%9C%E5%85%B4%E5%B8%82&category=environment&from=2023-12-01&sort=date");
        assertThat(form.toggle("person", "杜小刚")).isEqualTo("/?q=%E5%A4%AA%E6%B9%96%20%E6%B2%BB%E7%90%86"
                + "&category=environment&from=2023-12-01&sort=date");
        assertThat(form.selected("person", "杜小刚")).isTrue();
        assertThat(form.values("person")).containsExactly("杜小刚");
    }

    @Test
    void buildsPagingSortAndDateLinks() {
        assertThat(form.atPage(1)).doesNotContain("page=");
        assertThat(form.atPage(4)).endsWith("&sort=date&page=4");
        assertThat(form.sortedBy("relevance")).doesNotContain("sort=").doesNotContain("page=");
        assertThat(form.withoutDates()).doesNotContain("from=");
        assertThat(form.hiddenFilters()).containsExactly(new SearchForm.Value("person", "杜小刚"),
                new SearchForm.Value("category", "environment"));
    }

    @Test
    void aValueThatLooksLikeMarkupOrAParameterStaysOneEncodedValue() {
        SearchForm hostile = new SearchForm("<script>&x=1", Map.of("org", List.of("a&b=c")), null, null, null, null, null);

        assertThat(hostile.url()).isEqualTo("/?q=%3Cscript%3E%26x%3D1&org=a%26b%3Dc");
    }

    @Test
    void isBlankOnlyWithoutTextFiltersAndDates() {
        assertThat(new SearchForm("", Map.of(), null, null, "date", "2", null).isBlank()).isTrue();
        assertThat(form.isBlank()).isFalse();
    }

    @Test
    void savingTheSearchCarriesItsCriteriaButNotItsPagingOrSort() {
        assertThat(form.saveUrl()).isEqualTo("/saved-searches/new?q=%E5%A4%AA%E6%B9%96%20%E6%B2%BB%E7%90%86"
                + "&person=%E6%9D%9C%E5%B0%8F%E5%88%9A&category=environment&from=2023-12-01");
        assertThat(form.criteria()).containsExactly(Map.entry("q", List.of("太湖 治理")), Map.entry("person", List.of("杜小刚")),
                Map.entry("category", List.of("environment")), Map.entry("from", List.of("2023-12-01")));
        assertThat(new SearchForm(null, Map.of(), null, null, "date", "2", "50").saveUrl()).isEqualTo("/saved-searches/new");
    }
}
