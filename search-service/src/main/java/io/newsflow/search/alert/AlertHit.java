package io.newsflow.search.alert;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * One article a saved search matched, and how far its delivery got: a document of the hits index
 * ({@code news-articles-alert-hits}, {@code _id} = {@link #deliveryId()}).
 *
 * @param deliveryId    the same for a saved search and an article however often the article arrives (replays,
 *                      re-indexing, several instances): written with {@code op_type=create}, so a hit exists once
 * @param savedSearchId the saved search
 * @param owner         its owner
 * @param articleId     the article
 * @param headline      the article's headline
 * @param lead          its lead
 * @param issueDate     its issue date, may be {@code null}
 * @param eventDate     its event date, may be {@code null}
 * @param matched       the words and filter values of the search found in the article
 * @param highlights    up to three pieces of the article's text with the words found marked {@code <em>…</em>}
 *                      (the text HTML-escaped, as the search API's highlights)
 * @param matchedAt     when it was matched
 * @param state         {@link State}
 * @param attempts      webhook attempts made
 * @param nextAttemptAt when a pending delivery is due
 * @param leaseUntil    while {@code sending}: until when the instance that took it may finish it
 * @param lastStatus    HTTP status of the last attempt, 0 when none came
 * @param lastAnswer    the start of the receiver's last answer, or why the attempt failed
 * @param deliveredAt   when the receiver took it
 * @param digestId      the delivery that carried it when it went out in a digest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertHit(String deliveryId, String savedSearchId, String owner, String articleId, String headline,
                       String lead, LocalDate issueDate, LocalDate eventDate, List<String> matched,
                       List<String> highlights, Instant matchedAt, State state, int attempts, Instant nextAttemptAt,
                       Instant leaseUntil, Integer lastStatus, String lastAnswer, Instant deliveredAt, String digestId) {

    /** Where a hit's delivery stands. */
    public enum State {
        /** the saved search has no webhook: the hit shows in its feed and on the web page only */
        NO_WEBHOOK,
        /** waiting for its (next) attempt */
        PENDING,
        /** held back by the saved search's rate; goes out in the next digest */
        HELD,
        /** an instance is posting it */
        SENDING,
        /** the receiver answered 2xx */
        DELIVERED,
        /** the receiver refused it (a 4xx, a refused address) or did not take it within the retry time */
        FAILED
    }

    public AlertHit {
        matched = matched == null ? List.of() : List.copyOf(matched);
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    /** The delivery id of a saved search and an article: 32 hex characters of their SHA-256. */
    public static String deliveryIdOf(String savedSearchId, String articleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((savedSearchId + "\n" + articleId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    AlertHit withState(State newState, int newAttempts, Instant newNextAttemptAt, Instant newLeaseUntil,
                       Integer newLastStatus, String newLastAnswer, Instant newDeliveredAt, String newDigestId) {
        return new AlertHit(deliveryId, savedSearchId, owner, articleId, headline, lead, issueDate, eventDate, matched,
                highlights, matchedAt, newState, newAttempts, newNextAttemptAt, newLeaseUntil, newLastStatus,
                newLastAnswer, newDeliveredAt, newDigestId);
    }
}
