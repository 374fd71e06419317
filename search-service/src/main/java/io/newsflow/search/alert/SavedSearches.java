package io.newsflow.search.alert;

import io.newsflow.model.Article;
import io.newsflow.search.alert.match.SavedSearchMatcher;
import io.newsflow.search.query.SearchCriteria;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved searches this instance knows, as {@code news.saved-searches} holds them, and the matcher kept in step
 * with them. Plain Java: {@link SavedSearchLog} feeds it from the topic, the API from its own writes.
 */
public final class SavedSearches {
    private final Map<String, Known> byId = new ConcurrentHashMap<>();
    private final SavedSearchMatcher matcher;
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();

    /** A saved search with its criteria, parsed once when it arrives rather than at each article it matches. */
    private record Known(SavedSearch search, SearchCriteria criteria) {
    }

    /** A saved search an article matched, and what it looks for. */
    public record Match(SavedSearch search, SearchCriteria criteria) {
    }

    public SavedSearches(SavedSearchMatcher matcher) {
        this.matcher = matcher;
    }

    /** Applies a record of the topic (or of this instance's own write): a search, or its deletion ({@code null}). */
    public void apply(String id, SavedSearch search) {
        if (search == null) {
            byId.remove(id);
            matcher.remove(id);
            return;
        }
        SearchCriteria criteria = search.criteria();
        matcher.put(id, criteria);
        byId.put(id, new Known(search, criteria));
    }

    /** Called once every search on the topic at start has been applied. */
    public void markLoaded() {
        loaded.complete(null);
    }

    public boolean isLoaded() {
        return loaded.isDone();
    }

    /** Completes once the searches saved before this instance started are known: no new article is matched before. */
    public Uni<Void> whenLoaded() {
        return Uni.createFrom().completionStage(loaded);
    }

    public Optional<SavedSearch> get(String id) {
        return Optional.ofNullable(byId.get(id)).map(Known::search);
    }

    /** The searches of one owner, oldest first. */
    public List<SavedSearch> ownedBy(String owner) {
        List<SavedSearch> owned = new ArrayList<>();
        for (Known known : byId.values()) {
            if (known.search().owner().equals(owner)) {
                owned.add(known.search());
            }
        }
        owned.sort(Comparator.comparing(SavedSearch::createdAt).thenComparing(SavedSearch::id));
        return owned;
    }

    public int size() {
        return byId.size();
    }

    /** The saved searches an article matches. */
    public List<Match> matching(Article article) {
        List<Match> matched = new ArrayList<>();
        for (String id : matcher.matches(article)) {
            Known known = byId.get(id);
            if (known != null) {
                matched.add(new Match(known.search(), known.criteria()));
            }
        }
        return matched;
    }
}
