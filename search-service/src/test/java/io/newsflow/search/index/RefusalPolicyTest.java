package io.newsflow.search.index;

import io.newsflow.search.index.RefusalPolicy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalPolicyTest {

    @ParameterizedTest(name = "a whole _bulk refused with {0} is waited out, never dead-lettered")
    @ValueSource(ints = {400, 401, 403, 404, 408, 413, 429, 500, 502, 503, 504})
    void aRefusedRequestIsWaitedOut(int status) {
        assertThat(RefusalPolicy.ofRequest(status)).isEqualTo(Verdict.WAIT);
    }

    @ParameterizedTest(name = "item {0} {1}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "201 | -                                  | -                                                    | WRITTEN",
            "200 | -                                  | -                                                    | WRITTEN",
            "409 | version_conflict_engine_exception  | version conflict, current version [2] is higher      | WRITTEN",
            "404 | index_not_found_exception          | no such index [news-articles] and [require_alias] request flag is [true] | WAIT",
            "401 | security_exception                 | unable to authenticate user [newsflow]               | WAIT",
            "403 | security_exception                 | action [indices:data/write/bulk[s]] is unauthorized  | WAIT",
            "403 | cluster_block_exception            | index [news-articles-v1] blocked by: [FORBIDDEN/8/index write (api)] | WAIT",
            "429 | cluster_block_exception            | disk usage exceeded flood-stage watermark            | WAIT",
            "429 | es_rejected_execution_exception    | rejected execution of coordinating operation         | WAIT",
            "503 | unavailable_shards_exception       | primary shard is not active                          | WAIT",
            "500 | illegal_state_exception            | something broke on the node                          | WAIT",
            "400 | index_closed_exception             | closed                                               | WAIT",
            "400 | illegal_argument_exception         | no write index is defined for alias [news-articles]  | WAIT",
            "400 | document_parsing_exception         | [1:20] failed to parse field [charCount] of type [integer] | DEAD_LETTER",
            "400 | mapper_parsing_exception           | failed to parse field [eventDate] of type [date]     | DEAD_LETTER",
            "400 | illegal_argument_exception         | Document contains at least one immense term in field=\"category\" | DEAD_LETTER",
            "413 | illegal_argument_exception         | document too large                                   | DEAD_LETTER",
    })
    void onlyADocumentRefusedForItsContentIsDeadLettered(int status, String type, String reason, Verdict expected) {
        assertThat(RefusalPolicy.ofItem(status, type, reason)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource(nullValues = "-", value = {
            "401, security_exception, credentials-refused",
            "403, security_exception, forbidden",
            "404, index_not_found_exception, index-missing",
            "400, index_not_found_exception, index-missing",
            "429, es_rejected_execution_exception, overloaded",
            "503, -, overloaded",
            "500, -, node-failing",
            "400, x_content_parse_exception, refused-400",
    })
    void namesTheCause(int status, String type, String cause) {
        assertThat(RefusalPolicy.cause(status, type)).isEqualTo(cause);
    }

    @Test
    void theReadinessReasonNamesTheStatusAndItsCause() {
        assertThat(RefusalPolicy.answered(401)).isEqualTo("Elasticsearch answered 401 (credentials-refused)");
        assertThat(RefusalPolicy.answered(403)).isEqualTo("Elasticsearch answered 403 (forbidden)");
    }
}
