package io.newsflow.search.alert;

import io.newsflow.model.Article;
import io.newsflow.search.alert.match.SavedSearchMatcher;
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
    private final Map<String, SavedSearch> byId = new ConcurrentHashMap<>();
    private final SavedSearchMatcher matcher;
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();

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
        matcher.put(id, search.criteria());
        byId.put(id, search);
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
        return Optional.ofNullable(byId.get(id));
    }

    /** The searches of one owner, oldest first. */
    public List<SavedSearch> ownedBy(String owner) {
        List<SavedSearch> owned = new ArrayList<>();
        for (SavedSearch search : byId.values()) {
            if (search.owner().equals(owner)) {
                owned.add(search);
            }
        }
        owned.sort(Comparator.comparing(SavedSearch::createdAt).thenComparing(SavedSearch::id));
        return owned;
    }

    public int size() {
        return byId.size();
    }

    /** The saved searches an article matches. */
    public List<SavedSearch> matching(Article article) {
        List<SavedSearch> matched = new ArrayList<>();
        for (String id : matcher.matches(article)) {
            SavedSearch search = byId.get(id);
            if (search != null) {
                matched.add(search);
            }
        }
        return matched;
    }
}
