package io.newsflow.search.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.logging.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Asks ingest-service how many files wait in its inbox and were refused into {@code failed/}
 * ({@code GET /api/inbox}): ingest owns those folders, this service never reads them. The question waits at most
 * {@code newsflow.search.web.probe-timeout}; an ingest that does not answer, or answers something else, makes the
 * readings unknown with the reason.
 */
@ApplicationScoped
public class IngestInbox {
    private static final Logger LOG = Logger.getLogger(IngestInbox.class);
    /** An answer larger than this is not ingest's report (a few counts and five names). */
    private static final int MAX_ANSWER_BYTES = 65_536;

    private final URI endpoint;
    private final Optional<String> authorization;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    public IngestInbox(WebConfig config) {
        this.endpoint = config.ingestUrl().resolve("/api/inbox");
        this.authorization = config.ingestUser().flatMap(user -> config.ingestPassword().map(password ->
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
        this.timeout = config.probeTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What ingest reported: each count known or why not, and the newest refused files. */
    public record Report(PipelineProbe.Reading waiting, PipelineProbe.Reading failed, List<PipelineProbe.FailedFile> newestFailed) {
        static Report unknown(String problem) {
            PipelineProbe.Reading unknown = PipelineProbe.Reading.failed(problem);
            return new Report(unknown, unknown, List.of());
        }
    }

    public Report look() {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout).header("Accept", "application/json").GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return problem("ingest-service did not answer: no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return problem("ingest-service did not answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem("ingest-service did not answer: interrupted");
        }
        if (answer.statusCode() == 401 || answer.statusCode() == 403) {
            return problem("ingest-service refused the question (HTTP " + answer.statusCode()
                    + "): check newsflow.search.web.ingest-user and ingest-password");
        }
        if (answer.statusCode() != 200 || answer.body().length > MAX_ANSWER_BYTES) {
            return problem("ingest-service answered HTTP " + answer.statusCode() + " without its inbox report");
        }
        try {
            return report(json.readTree(answer.body()));
        } catch (IOException | RuntimeException e) {
            return problem("ingest-service answered something that is not its inbox report");
        }
    }

    private static Report report(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        String problems = String.join("; ", texts(body.path("problems")));
        long limit = body.path("countLimit").asLong(Long.MAX_VALUE);
        List<PipelineProbe.FailedFile> newest = new ArrayList<>();
        for (JsonNode file : body.path("newestFailed")) {
            newest.add(new PipelineProbe.FailedFile(file.path("name").asText(""), file.path("reason").asText(""), time(file.path("time").asText(""))));
        }
        return new Report(count(body.path("waiting"), limit, problems), count(body.path("failed"), limit, problems), List.copyOf(newest));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static PipelineProbe.Reading count(JsonNode value, long limit, String problems) {
        if (value.isIntegralNumber()) {
            return value.asLong() >= limit ? PipelineProbe.Reading.atLeast(value.asLong()) : PipelineProbe.Reading.of(value.asLong());
        }
        return PipelineProbe.Reading.failed("ingest-service could not count: " + (problems.isEmpty() ? "no reason given" : problems));
    }

    private static Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Report problem(String message) {
        LOG.infof("probe=ingest outcome=unknown reason=\"%s\"", LogSafe.text(message));
        return Report.unknown(message);
    }
}
