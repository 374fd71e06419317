package io.newsflow.search.index;

import java.util.Set;

/**
 * Whose fault an Elasticsearch refusal is. Only a document Elasticsearch refuses for what it contains (mapping,
 * parsing, size) is dead-lettered; everything about the node, the cluster, the index or our credentials is a state
 * of the infrastructure that an operator or time fixes, so the batch waits for it (its offsets stay uncommitted).
 */
public final class RefusalPolicy {

    /** What to do with a document, or with a whole batch. */
    public enum Verdict {
        /** Written, or a newer version of the article is already there. */
        WRITTEN,
        /** The infrastructure refused: keep the batch and retry until it answers. */
        WAIT,
        /** This document will never be taken as it is: dead-letter it. */
        DEAD_LETTER
    }

    /** Error types that speak of the index, the cluster or the caller, never of one document. */
    private static final Set<String> INFRASTRUCTURE_ERRORS = Set.of(
            "index_not_found_exception",
            "index_closed_exception",
            "cluster_block_exception",
            "security_exception",
            "es_rejected_execution_exception",
            "circuit_breaking_exception",
            "unavailable_shards_exception",
            "no_shard_available_action_exception",
            "primary_missing_action_exception",
            "node_not_connected_exception",
            "process_cluster_event_timeout_exception",
            "timeout_exception");

    private RefusalPolicy() {
    }

    /**
     * A whole {@code _bulk} request refused (any HTTP status) or not answered: no document is to blame, whatever the
     * status: 401/403 after a credential change, 404 for a missing alias, 400 for a request the node cannot take
     * now, 429 or 5xx for a busy or failing node.
     */
    public static Verdict ofRequest(int status) {
        return Verdict.WAIT;
    }

    /** One item of a {@code _bulk} response. */
    public static Verdict ofItem(int status, String errorType, String errorReason) {
        if (errorType == null || status == 409) {
            return Verdict.WRITTEN; // 409: the version check kept a newer version of the article
        }
        if (status == 401 || status == 403 || status == 404 || status == 408 || status == 429 || status >= 500) {
            return Verdict.WAIT;
        }
        if (INFRASTRUCTURE_ERRORS.contains(errorType)) {
            return Verdict.WAIT;
        }
        if (errorReason != null && errorReason.contains("no write index is defined")) {
            return Verdict.WAIT; // an alias left pointing at several indices without a write index
        }
        return Verdict.DEAD_LETTER;
    }

    /** What the readiness answer and the log say of a refused request: the status and its cause. */
    public static String answered(int status) {
        return "Elasticsearch answered " + status + " (" + cause(status, null) + ")";
    }

    /** A short name of a refusal's cause for logs, metrics and the readiness answer. */
    public static String cause(int status, String errorType) {
        if (status == 401) {
            return "credentials-refused";
        }
        if (status == 403 || "security_exception".equals(errorType) || "cluster_block_exception".equals(errorType)) {
            return "forbidden";
        }
        if (status == 404 || "index_not_found_exception".equals(errorType)) {
            return "index-missing";
        }
        if (status == 429 || status == 503 || "es_rejected_execution_exception".equals(errorType)
                || "circuit_breaking_exception".equals(errorType)) {
            return "overloaded";
        }
        if (status >= 500) {
            return "node-failing";
        }
        return "refused-" + status;
    }
}
