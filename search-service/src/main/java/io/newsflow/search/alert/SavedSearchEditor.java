package io.newsflow.search.alert;

import io.newsflow.search.alert.delivery.WebhookUrls;
import io.newsflow.search.query.InvalidQueryException;
import io.newsflow.search.query.QueryParameters;
import io.newsflow.search.query.SearchCriteria;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saves and changes the saved searches of their owners with one set of checks, for the API
 * ({@link SavedSearchResource}) and the web page alike: a name, {@code /api/search}'s criteria (something to look for,
 * no paging), a webhook URL that can be a target, a secret of a sensible length, at most
 * {@link AlertsConfig#maxPerOwner()} searches per owner. A refusal is an {@link InvalidQueryException} with a message
 * for the user, thrown before anything is written.
 */
@ApplicationScoped
public class SavedSearchEditor {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MIN_SECRET_LENGTH = 16;
    private static final int MAX_SECRET_LENGTH = 256;

    private final SavedSearches searches;
    private final SavedSearchLog log;
    private final WebhookUrls webhookUrls;
    private final AlertsConfig config;

    public SavedSearchEditor(SavedSearches searches, SavedSearchLog log, WebhookUrls webhookUrls, AlertsConfig config) {
        this.searches = searches;
        this.log = log;
        this.webhookUrls = webhookUrls;
        this.config = config;
    }

    /**
     * A saved search as written.
     *
     * @param secretGenerated whether its webhook's secret was made here (none was given): then the answer that saved
     *                        it is the only one to show it
     */
    public record Saved(SavedSearch search, boolean secretGenerated) {
    }

    /** Saves a new search of {@code owner}; completes once Kafka has it. */
    public Uni<Saved> create(String owner, SavedSearchRequest request) {
        if (searches.ownedBy(owner).size() >= config.maxPerOwner()) {
            throw new InvalidQueryException("at most " + config.maxPerOwner() + " saved searches per user; delete one first");
        }
        Instant now = Instant.now();
        Checked checked = check(request, null);
        SavedSearch search = new SavedSearch(randomHex(12), owner, checked.name(), checked.params(), checked.webhook(),
                newSecret(), now, now);
        return log.write(search).map(saved -> new Saved(saved, checked.secretGenerated()));
    }

    /** Replaces name, parameters and webhook of {@code current}; its id, feed token and hits stay. */
    public Uni<Saved> change(SavedSearch current, SavedSearchRequest request) {
        Checked checked = check(request, current);
        SavedSearch changed = new SavedSearch(current.id(), current.owner(), checked.name(), checked.params(),
                checked.webhook(), current.feedToken(), current.createdAt(), Instant.now());
        return log.write(changed).map(saved -> new Saved(saved, checked.secretGenerated()));
    }

    /** The saved search {@code id} if {@code owner} has it; another user's is as absent as a missing one. */
    public Optional<SavedSearch> owned(String owner, String id) {
        return searches.get(id).filter(s -> s.owner().equals(owner));
    }

    /** A random secret or token (48 hex characters): feed tokens, webhook secrets. */
    public static String newSecret() {
        return randomHex(24);
    }

    private record Checked(String name, Map<String, List<String>> params, SavedSearch.Webhook webhook, boolean secretGenerated) {
    }

    private Checked check(SavedSearchRequest request, SavedSearch current) {
        if (request == null) {
            throw new InvalidQueryException("a JSON body is required: {\"name\": …, \"params\": {…}, \"webhook\": {\"url\": …}}");
        }
        String name = request.checkedName();
        Map<String, List<String>> params = request.parameters();
        SearchCriteria criteria = QueryParameters.criteria(params);
        if (criteria.isEmpty()) {
            throw new InvalidQueryException("a saved search needs q, a filter or a date range: one without would match every article");
        }
        SavedSearch.Webhook webhook = null;
        boolean generated = false;
        if (request.webhook() != null) {
            String url = request.webhook().url();
            if (url == null || url.isBlank()) {
                throw new InvalidQueryException("webhook.url is required when a webhook is given");
            }
            java.net.URI checked;
            try {
                // kept as checked: a Chinese host name becomes its ASCII (punycode) form, which a connection needs
                checked = webhookUrls.check(url.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("webhook.url: " + e.getMessage());
            }
            String secret = request.webhook().secret();
            if (secret == null || secret.isBlank()) {
                boolean keep = current != null && current.webhook() != null;
                secret = keep ? current.webhook().secret() : newSecret();
                generated = !keep;
            } else if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
                throw new InvalidQueryException("webhook.secret must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                        + " characters long");
            }
            webhook = new SavedSearch.Webhook(checked.toString(), secret);
        }
        return new Checked(name, params, webhook, generated);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
