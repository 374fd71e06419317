package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Elasticsearch request for an {@link ArticleQuery} with the client's typed builders: user text only
 * ever reaches Elasticsearch as the text of a {@code simple_query_string}, filter values only as the values of
 * {@code term}/{@code terms} queries; never as query DSL.
 *
 * <p>The request is one {@code bool} query: the free text in {@code must} (it scores), every filter and the date
 * range in {@code filter} (they do not). The facets and the per-day histogram are aggregations over exactly
 * that result set, so every facet respects all the filters, its own included.
 */
public final class SearchRequestFactory {
    /** Aggregation name of the per-day histogram of event dates. */
    public static final String HISTOGRAM = "histogram";
    /**
     * The {@code filter_path} of a search: only the parts of Elasticsearch's answer the API shows. Without it the
     * answer carries every bucket's key twice ({@code key_as_string}) and each hit's index name, about 40% of its
     * bytes with the per-day histogram of a large result set.
     */
    public static final String ANSWER_FIELDS = "took,hits.total.value,hits.hits._id,hits.hits._score,hits.hits._source,"
            + "hits.hits.highlight,aggregations.*.buckets.key,aggregations.*.buckets.doc_count";
    /** The date format of the index mapping, used for the range filter and the histogram keys. */
    public static final String DATE_FORMAT = "yyyy-MM-dd";

    /**
     * The fields the free text is searched in, with their weights: headline matches weigh most; the bigram
     * sub-fields catch what segmentation splits differently. Saved searches match new articles over the same
     * fields ({@code io.newsflow.search.alert.match}).
     */
    public static final Map<String, Float> TEXT_FIELD_WEIGHTS = textFieldWeights();
    private static final List<String> TEXT_FIELDS = TEXT_FIELD_WEIGHTS.entrySet().stream()
            .map(e -> e.getValue() == 1f ? e.getKey() : e.getKey() + "^" + e.getValue()).toList();
    /** The search answer shows the lead, not the body: leaving the body out keeps answers small. */
    static final String BODY = "body";

    private final int facetSize;

    /** @param facetSize values per facet in an answer */
    public SearchRequestFactory(int facetSize) {
        if (facetSize < 1) {
            throw new IllegalArgumentException("facet size must be at least 1, was " + facetSize);
        }
        this.facetSize = facetSize;
    }

    private static Map<String, Float> textFieldWeights() {
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put("headline", 3f);
        weights.put("subheadlines", 2f);
        weights.put("body", 1f);
        weights.put("headline.bigram", 1.5f);
        weights.put("body.bigram", 0.5f);
        return Collections.unmodifiableMap(weights);
    }

    public SearchRequest build(ArticleQuery query, String index) {
        return SearchRequest.of(s -> {
            s.index(index).from(query.offset()).size(query.size()).trackTotalHits(t -> t.enabled(true))
                    // only what a hit shows: the body and the long lists a hit does not show are not
                    // read, sent, parsed and dropped on every search (the exclude makes the body's absence explicit)
                    .source(src -> src.filter(f -> f.includes(HitSource.FIELDS).excludes(BODY)))
                    .query(query(query))
                    .sort(sort(query))
                    .aggregations(aggregations());
            if (!query.text().isEmpty()) {
                // encoder html: the page's own text comes back escaped (a stored "<script>" is "&lt;script&gt;"),
                // so the <em> marks are the only markup in a fragment and a page can show it as HTML
                s.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>").requireFieldMatch(false)
                        .fields(NamedValue.of("headline", HighlightField.of(f -> f.numberOfFragments(0))),
                                NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(3)))));
            }
            return s;
        });
    }

    private static Query query(ArticleQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (!query.text().isEmpty()) {
            // default operator AND: every word of the text must occur, so a name HanLP splits (杜|小刚) still
            // has to be there whole; the bigram fields make adjacent characters count
            bool.must(q -> q.simpleQueryString(sq -> sq.query(query.text()).fields(TEXT_FIELDS)
                    .defaultOperator(Operator.And)));
        }
        ArticleFilters filters = query.filters();
        allOf(bool, Facet.PERSONS.field(), filters.persons());
        allOf(bool, Facet.PLACES.field(), filters.places());
        allOf(bool, Facet.ORGANIZATIONS.field(), filters.organizations());
        allOf(bool, Facet.REPORTERS.field(), filters.reporters());
        allOf(bool, Facet.KEYWORDS.field(), filters.keywords());
        if (!filters.categories().isEmpty()) {
            List<FieldValue> categories = filters.categories().stream().map(FieldValue::of).toList();
            bool.filter(q -> q.terms(t -> t.field(Facet.CATEGORIES.field()).terms(v -> v.value(categories))));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(q -> q.range(r -> r.date(d -> {
                d.field("eventDate").format(DATE_FORMAT);
                // LocalDate prints as yyyy-MM-dd (QueryParameters keeps years to four digits)
                if (query.from() != null) {
                    d.gte(query.from().toString());
                }
                if (query.to() != null) {
                    d.lte(query.to().toString());
                }
                return d;
            })));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** One {@code term} filter per value: the article must carry every one of them. */
    private static void allOf(BoolQuery.Builder bool, String field, List<String> values) {
        for (String value : values) {
            bool.filter(q -> q.term(t -> t.field(field).value(value)));
        }
    }

    private static List<SortOptions> sort(ArticleQuery query) {
        List<SortOptions> sort = new ArrayList<>();
        SortOptions newestFirst = SortOptions.of(o -> o.field(f -> f.field("eventDate").order(SortOrder.Desc).missing("_last")));
        if (query.sort() == ArticleSort.DATE || query.text().isEmpty()) {
            sort.add(newestFirst);
            sort.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
        } else {
            sort.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
            sort.add(newestFirst);
        }
        // a unique last key keeps the order of equal hits stable from one page to the next
        sort.add(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
        return sort;
    }

    private Map<String, Aggregation> aggregations() {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            aggregations.put(facet.aggregationName(), Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(facetSize))));
        }
        aggregations.put(HISTOGRAM, Aggregation.of(a -> a.dateHistogram(h -> h.field("eventDate")
                .calendarInterval(CalendarInterval.Day).minDocCount(1).format(DATE_FORMAT))));
        return aggregations;
    }
}
