package io.newsflow.search.query;

/** The keyword fields whose most frequent values a search answer counts, each under its own aggregation. */
public enum Facet {
    PERSONS("persons", "persons"),
    PLACES("places", "places"),
    ORGANIZATIONS("organizations", "organizations"),
    REPORTERS("reporters", "reporters"),
    CATEGORIES("categories", "category"),
    KEYWORDS("keywords", "keywords");

    private final String aggregationName;
    private final String field;

    Facet(String aggregationName, String field) {
        this.aggregationName = aggregationName;
        this.field = field;
    }

    /** Name of the terms aggregation in the request and the response. */
    public String aggregationName() {
        return aggregationName;
    }

    /** The keyword field counted. */
    public String field() {
        return field;
    }
}
