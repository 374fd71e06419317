package io.newsflow.search.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsflow.search.query.QueryParameters;
import io.newsflow.search.query.SearchCriteria;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A search someone keeps, matched against every new article: the record on {@code news.saved-searches} (key =
 * {@link #id()}), and what the API shows its owner.
 *
 * @param id        random, URL-safe
 * @param owner     the user who saved it; only they see and change it
 * @param name      what its owner calls it
 * @param params    {@code /api/search}'s parameters by name, each value a list (paging and sort excluded)
 * @param webhook   where each hit is posted, or {@code null} for none (the feed and the web page still show hits)
 * @param feedToken the secret in the Atom feed's link, so feed readers can follow it without a password
 * @param createdAt when it was saved
 * @param updatedAt when it was last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SavedSearch(String id, String owner, String name, Map<String, List<String>> params, Webhook webhook,
                          String feedToken, Instant createdAt, Instant updatedAt) {

    /**
     * @param url    http(s) URL, checked when saved and again, on the address connected to, when posting
     * @param secret key of the HMAC-SHA256 signature of every delivery
     */
    public record Webhook(String url, String secret) {
    }

    public SavedSearch {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** What it looks for; its parameters were checked when it was saved. */
    public SearchCriteria criteria() {
        return QueryParameters.criteria(params);
    }
}
