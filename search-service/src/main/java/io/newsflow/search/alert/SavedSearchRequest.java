package io.newsflow.search.alert;

import io.newsflow.search.query.InvalidQueryException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST} and {@code PUT /api/saved-searches}: a name, {@code /api/search}'s parameters (each value
 * a string or a list of strings) and, optionally, a webhook.
 */
public record SavedSearchRequest(String name, Map<String, Object> params, WebhookRequest webhook) {
    /** At most this long, a name is something a person reads in a list. */
    public static final int MAX_NAME_LENGTH = 100;

    /** @param secret key of the signature; generated when not given */
    public record WebhookRequest(String url, String secret) {
    }

    /** The parameters as lists of strings; anything else is refused with a message. */
    Map<String, List<String>> parameters() {
        if (params == null) {
            throw new InvalidQueryException("params is required: the parameters of /api/search to keep, e.g. {\"q\": \"太湖\"}");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (value instanceof String text) {
                parameters.put(key, List.of(text));
            } else if (value instanceof List<?> list) {
                List<String> texts = new ArrayList<>();
                for (Object item : list) {
                    if (!(item instanceof String text)) {
                        throw new InvalidQueryException("params." + key + " must be a string or a list of strings");
                    }
                    texts.add(text);
                }
                parameters.put(key, texts);
            } else {
                throw new InvalidQueryException("params." + key + " must be a string or a list of strings");
            }
        });
        return parameters;
    }

    String checkedName() {
        if (name == null || name.isBlank()) {
            throw new InvalidQueryException("name is required");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new InvalidQueryException("name is at most " + MAX_NAME_LENGTH + " characters long");
        }
        return stripped;
    }
}
