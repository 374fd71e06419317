package io.newsflow.search.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.model.NewsJson;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON a webhook receives (documented in docs/search-api.md). One hit: the delivery id, the saved search, the
 * article's id, headline, lead and dates, what matched with highlights, and links to the article on the web page and
 * in the API. A digest: the same for each of several hits, under one delivery id of its own, with {@code articleId}
 * the first one's so that a receiver reading single hits still sees one.
 */
final class WebhookPayloads {
    private final String publicUrl;

    /** @param publicUrl where people reach the web page and the API, without a trailing slash */
    WebhookPayloads(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    byte[] single(SavedSearch search, AlertHit hit) {
        ObjectNode body = NewsJson.mapper().createObjectNode();
        body.put("deliveryId", hit.deliveryId());
        body.put("savedSearchId", search.id());
        body.put("savedSearchName", search.name());
        describe(body, hit);
        return bytes(body);
    }

    byte[] digest(String digestId, SavedSearch search, List<AlertHit> hits) {
        ObjectNode body = NewsJson.mapper().createObjectNode();
        body.put("deliveryId", digestId);
        body.put("savedSearchId", search.id());
        body.put("savedSearchName", search.name());
        body.put("digest", true);
        body.put("articleId", hits.getFirst().articleId());
        ArrayNode articles = body.putArray("articles");
        for (AlertHit hit : hits) {
            ObjectNode article = articles.addObject();
            article.put("deliveryId", hit.deliveryId());
            describe(article, hit);
        }
        return bytes(body);
    }

    /** Link to the web page of an article. */
    String articlePage(String articleId) {
        return publicUrl + "/articles/" + encode(articleId);
    }

    private void describe(ObjectNode node, AlertHit hit) {
        node.put("articleId", hit.articleId());
        node.put("headline", hit.headline());
        node.put("lead", hit.lead());
        node.put("issueDate", hit.issueDate() == null ? null : hit.issueDate().toString());
        node.put("eventDate", hit.eventDate() == null ? null : hit.eventDate().toString());
        node.put("matchedAt", hit.matchedAt().toString());
        ArrayNode matched = node.putArray("matched");
        hit.matched().forEach(matched::add);
        ArrayNode highlights = node.putArray("highlights");
        hit.highlights().forEach(highlights::add);
        ObjectNode links = node.putObject("links");
        links.put("web", articlePage(hit.articleId()));
        links.put("api", publicUrl + "/api/articles/" + encode(hit.articleId()));
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return NewsJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
