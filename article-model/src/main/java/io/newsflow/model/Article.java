package io.newsflow.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One article of a page: the record on topic {@link Topics#ARTICLES} (key = {@link #id()}) and the
 * Elasticsearch document ({@code _id} = {@link #id()}).
 *
 * @param id              {@code <page sha256 first 16 hex>-<ordinal>}, see {@link #idOf(String, int)}
 * @param ordinal         position of the article on its page, from 1, in reading order of the body text
 * @param pageSha256      the page the article came from
 * @param sourceFile      file name of that page
 * @param issueDate       issue date of the page, may be {@code null}
 * @param headline        the title
 * @param subheadlines    kicker and subtitle lines
 * @param body            re-joined text, paragraphs separated by {@code \n}
 * @param lead            first sentence of the body
 * @param eventDate       date from the dateline, year from the issue date; may be {@code null}
 * @param dates           every date the body mentions, normalised, distinct, ascending
 * @param reporters       names from the byline
 * @param persons         people named in the article
 * @param places          places named in the article
 * @param organizations   organisations named in the article
 * @param keywords        keywords of the article
 * @param category        one of a small fixed set of categories
 * @param charCount       characters in {@link #body()}
 * @param enrichedAt      when the enrichment ran: the page's {@code receivedAt}, so that re-processing a page gives
 *                        the same document; also the index write version, so a replay never overwrites newer data
 * @param pipelineVersion version of the enrichment that produced this record
 */
public record Article(
        String id,
        int ordinal,
        String pageSha256,
        String sourceFile,
        LocalDate issueDate,
        String headline,
        List<String> subheadlines,
        String body,
        String lead,
        LocalDate eventDate,
        List<LocalDate> dates,
        List<String> reporters,
        List<String> persons,
        List<String> places,
        List<String> organizations,
        List<String> keywords,
        String category,
        int charCount,
        Instant enrichedAt,
        String pipelineVersion) {

    public Article {
        Objects.requireNonNull(id, "id");
        subheadlines = copy(subheadlines);
        dates = dates == null ? List.of() : List.copyOf(dates);
        reporters = copy(reporters);
        persons = copy(persons);
        places = copy(places);
        organizations = copy(organizations);
        keywords = copy(keywords);
    }

    /** The deterministic article id: re-processing a page yields the same ids. */
    public static String idOf(String pageSha256, int ordinal) {
        if (pageSha256 == null || pageSha256.length() < 16) {
            throw new IllegalArgumentException("page sha256 must have at least 16 hex characters");
        }
        if (ordinal < 1) {
            throw new IllegalArgumentException("ordinal starts at 1, was " + ordinal);
        }
        return pageSha256.substring(0, 16) + "-" + ordinal;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
