package io.newsflow.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of the search page as its URL holds it, under the parameter names of {@code /api/search}
 * ({@code q, person, place, org, reporter, category, keyword, from, to, sort, page, size}), kept as typed so the
 * form shows it back even when it is invalid. Builds the links that change one thing: add or remove a filter value,
 * another page, another sort. Parameters appear in a fixed order, so equal states have equal URLs.
 */
public final class SearchForm {
    /** The repeatable filter parameters, in the order the page shows them. */
    public static final List<String> FILTERS = List.of("person", "place", "org", "reporter", "category", "keyword");

    private final String q;
    private final Map<String, List<String>> filters;
    private final String from;
    private final String to;
    private final String sort;
    private final String page;
    private final String size;

    public SearchForm(String q, Map<String, List<String>> filters, String from, String to, String sort, String page, String size) {
        this.q = blankToEmpty(q);
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String name : FILTERS) {
            List<String> values = new ArrayList<>();
            for (String value : filters.getOrDefault(name, List.of())) {
                if (value != null && !value.isBlank() && !values.contains(value.strip())) {
                    values.add(value.strip());
                }
            }
            kept.put(name, List.copyOf(values));
        }
        this.filters = kept;
        this.from = blankToEmpty(from);
        this.to = blankToEmpty(to);
        this.sort = blankToEmpty(sort);
        this.page = blankToEmpty(page);
        this.size = blankToEmpty(size);
    }

    public String q() {
        return q;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String sort() {
        return sort;
    }

    public String page() {
        return page;
    }

    public String size() {
        return size;
    }

    /** The values of one filter parameter. */
    public List<String> values(String parameter) {
        return filters.getOrDefault(parameter, List.of());
    }

    /** Whether nothing at all is asked: no text, no filter, no date. */
    public boolean isBlank() {
        return q.isEmpty() && from.isEmpty() && to.isEmpty() && filters.values().stream().allMatch(List::isEmpty);
    }

    /** A filter value, as the form carries it along in a hidden field when the text changes. */
    public record Value(String parameter, String value) {
    }

    /** Every filter value, in the order of {@link #FILTERS}. */
    public List<Value> hiddenFilters() {
        List<Value> all = new ArrayList<>();
        filters.forEach((name, values) -> values.forEach(value -> all.add(new Value(name, value))));
        return all;
    }

    public boolean sortedByDate() {
        return "date".equalsIgnoreCase(sort);
    }

    public boolean selected(String parameter, String value) {
        return values(parameter).contains(value);
    }

    /** This state as a link to the page (the first page of results when it differs from this one only in paging). */
    public String url() {
        return link(q, filters, from, to, sort, page, size);
    }

    /** The page that saves this search (保存此搜索): its criteria only, as a saved search has no paging or sort. */
    public String saveUrl() {
        return "/saved-searches/new" + link(q, filters, from, to, "", "", "").substring(1);
    }

    /**
     * The criteria given, by {@code /api/search}'s parameter names in the order of the URL ({@code q}, the filters,
     * {@code from}, {@code to}): what a saved search of this state keeps.
     */
    public Map<String, List<String>> criteria() {
        Map<String, List<String>> criteria = new LinkedHashMap<>();
        if (!q.isEmpty()) {
            criteria.put("q", List.of(q));
        }
        filters.forEach((name, values) -> {
            if (!values.isEmpty()) {
                criteria.put(name, values);
            }
        });
        if (!from.isEmpty()) {
            criteria.put("from", List.of(from));
        }
        if (!to.isEmpty()) {
            criteria.put("to", List.of(to));
        }
        return criteria;
    }

    /** The link with one more filter value (back to the first page: the results change). */
    public String with(String parameter, String value) {
        Map<String, List<String>> changed = copy();
        List<String> values = new ArrayList<>(changed.get(parameter));
        if (!values.contains(value)) {
            values.add(value);
        }
        changed.put(parameter, values);
        return link(q, changed, from, to, sort, "", size);
    }

    /** The link without one filter value. */
    public String without(String parameter, String value) {
        Map<String, List<String>> changed = copy();
        List<String> values = new ArrayList<>(changed.get(parameter));
        values.remove(value);
        changed.put(parameter, values);
        return link(q, changed, from, to, sort, "", size);
    }

    /** A filter value's link: removes it when selected, adds it otherwise. */
    public String toggle(String parameter, String value) {
        return selected(parameter, value) ? without(parameter, value) : with(parameter, value);
    }

    public String withoutDates() {
        return link(q, filters, "", "", sort, "", size);
    }

    public String withoutText() {
        return link("", filters, from, to, sort, "", size);
    }

    public String atPage(int number) {
        return link(q, filters, from, to, sort, number <= 1 ? "" : Integer.toString(number), size);
    }

    public String sortedBy(String order) {
        return link(q, filters, from, to, "relevance".equals(order) ? "" : order, "", size);
    }

    private Map<String, List<String>> copy() {
        return new LinkedHashMap<>(filters);
    }

    private static String link(String q, Map<String, List<String>> filters, String from, String to, String sort,
                               String page, String size) {
        StringBuilder query = new StringBuilder();
        append(query, "q", q);
        filters.forEach((name, values) -> values.forEach(value -> append(query, name, value)));
        append(query, "from", from);
        append(query, "to", to);
        append(query, "sort", sort);
        append(query, "page", page);
        append(query, "size", size);
        return query.isEmpty() ? "/" : "/?" + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!query.isEmpty()) {
            query.append('&');
        }
        // %20, not +: a space reads the same to every decoder
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static String blankToEmpty(String value) {
        return value == null || value.isBlank() ? "" : value.strip();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchForm other && url().equals(other.url());
    }

    @Override
    public int hashCode() {
        return Objects.hash(url());
    }
}
