package io.newsflow.search.alert.delivery;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.DefaultThreadFactory;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends webhook POSTs, asynchronously, so that a slow or dead receiver costs the connections it holds and nothing
 * else: at most {@link Settings#maxConnectionsPerReceiver()} of them, each for at most about the response timeout;
 * deliveries to other receivers go on meanwhile. The address of every connection is checked by the
 * {@link AddressPolicy} when the host name is resolved (IP literals too), so a name that resolves to a refused
 * address later gains nothing. Redirects are not followed (a 3xx is refused: the receiver must give its final URL),
 * nothing is retried here (the caller schedules retries with {@link RetrySchedule}), no proxy, no cookies.
 * <p>
 * Outcomes are completed on the given executor, never on the client's I/O threads, so that what the caller chains on
 * them cannot hold up the sending.
 */
public final class WebhookClient implements AutoCloseable {
    /** The content type of every delivery. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    public static final String USER_AGENT = "newsflow-alerts/1";

    /** What the client sets itself; a caller's header of these names would contradict it. */
    private static final Set<String> OWN_HEADERS = Set.of("content-type", "content-length", "transfer-encoding",
            "host", "user-agent", "connection", "expect");
    // enough for the 300 characters kept of an answer in any UTF-8; the rest of a long answer is not read
    private static final int ANSWER_BYTES = 4 * WebhookOutcome.ANSWER_LENGTH;

    /**
     * @param connectTimeout            how long opening a connection may take
     * @param responseTimeout           how long a receiver may stay silent once asked; also the longest wait for a
     *                                  free connection to a busy receiver
     * @param maxConnectionsPerReceiver connections open at once to one scheme, host and port
     * @param maxConnections            connections open at once to all receivers
     */
    public record Settings(Duration connectTimeout, Duration responseTimeout, int maxConnectionsPerReceiver,
                           int maxConnections) {
        public Settings {
            if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative()
                    || responseTimeout.isZero()) {
                throw new IllegalArgumentException("webhook timeouts must be positive");
            }
            if (maxConnectionsPerReceiver < 1 || maxConnections < maxConnectionsPerReceiver) {
                throw new IllegalArgumentException("webhook connections: at least 1 per receiver, and in all at "
                        + "least as many as per receiver");
            }
        }

        /** 5 s to connect, 10 s for an answer, 4 connections per receiver, 64 in all. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 4, 64);
        }

        public static Settings from(WebhookConfig config) {
            return new Settings(config.connectTimeout(), config.responseTimeout(), config.maxConnectionsPerReceiver(),
                    config.maxConnections());
        }

        /**
         * The most one delivery may take: waiting for a free connection (up to the response timeout), connecting,
         * the TLS handshake (each up to the connect timeout) and the answer; past it the exchange is cancelled even
         * if the receiver keeps trickling bytes, each within the response timeout.
         */
        Duration deadline() {
            return responseTimeout.plus(connectTimeout).multipliedBy(2);
        }
    }

    private final Settings settings;
    private final Executor completions;
    private final CloseableHttpAsyncClient client;
    // completed by close() themselves: the client's immediate close does not call every exchange's callback
    private final Map<CompletableFuture<WebhookOutcome>, Long> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Outcomes are completed on the common fork-join pool. */
    public WebhookClient(Settings settings, AddressPolicy policy) {
        this(settings, policy, ForkJoinPool.commonPool());
    }

    public WebhookClient(Settings settings, AddressPolicy policy, Executor completions) {
        this.settings = settings;
        this.completions = completions;
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckingDnsResolver(policy))
                .setMaxConnPerRoute(settings.maxConnectionsPerReceiver())
                .setMaxConnTotal(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(settings.connectTimeout()))
                        .setSocketTimeout(timeout(settings.responseTimeout()))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                // one request per connection at a time, so the cap per receiver means what it says
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .setHandshakeTimeout(timeout(settings.connectTimeout()))
                        .build())
                .build();
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout(settings.responseTimeout()))
                        .setResponseTimeout(timeout(settings.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .setAuthenticationEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .setExpectContinueEnabled(false)
                        .build())
                .setUserAgent(USER_AGENT)
                .setThreadFactory(new DefaultThreadFactory("webhook-io", true))
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
        client.start();
    }

    /**
     * POSTs the body to the URL with the caller's headers (such as {@code Newsflow-Delivery} and
     * {@code Newsflow-Signature}) beside {@code Content-Type: application/json; charset=utf-8} and
     * {@code User-Agent: newsflow-alerts/1}. The future never fails: every failure is an outcome.
     *
     * @throws IllegalArgumentException when a header would replace one the client sets itself
     */
    public CompletableFuture<WebhookOutcome> send(URI url, byte[] body, Map<String, String> headers) {
        for (String name : headers.keySet()) {
            if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the webhook client sets " + name + " itself");
            }
        }
        long started = System.nanoTime();
        CompletableFuture<WebhookOutcome> outcome = new CompletableFuture<>();
        if (closed) {
            outcome.complete(WebhookOutcome.retry("not sent: the webhook client is closed", since(started)));
            return outcome;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            outcome.complete(WebhookOutcome.rejected("not an http(s) URL with a host: " + url, since(started)));
            return outcome;
        }
        AsyncRequestBuilder request = AsyncRequestBuilder.post(url)
                .setEntity(AsyncEntityProducers.create(body, ContentType.parse(CONTENT_TYPE)));
        headers.forEach(request::addHeader);
        inFlight.put(outcome, started);
        outcome.whenComplete((done, failure) -> inFlight.remove(outcome));
        Future<WebhookOutcome> exchange;
        try {
            exchange = client.execute(request.build(), new BoundedAnswer(started), null,
                    new Completion(outcome, started));
        } catch (RuntimeException e) {
            // a client that is closed or closing
            outcome.complete(WebhookOutcome.retry("not sent: " + describe(e), since(started)));
            return outcome;
        }
        Duration deadline = settings.deadline();
        // completed on the same executor as the other outcomes (completeOnTimeout would run them on the JDK timer)
        CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS, completions).execute(() ->
                outcome.complete(WebhookOutcome.retry("no complete answer within " + seconds(deadline), deadline)));
        // the exchange is dropped (its connection closed) when the deadline came first; a no-op otherwise
        outcome.whenComplete((done, failure) -> exchange.cancel(true));
        return outcome;
    }

    /**
     * Closes every connection and stops the I/O threads at once; deliveries still in flight end as RETRY. Waiting for
     * them (a graceful close) would hold a shutdown up to the response timeout for a silent receiver; a delivery
     * whose answer is lost this way is sent again, and receivers know it by its delivery id.
     */
    @Override
    public void close() {
        closed = true;
        client.close(CloseMode.IMMEDIATE);
        inFlight.forEach((outcome, started) -> outcome.complete(
                WebhookOutcome.retry("cancelled: the webhook client was closed", since(started))));
    }

    private final class Completion implements FutureCallback<WebhookOutcome> {
        private final CompletableFuture<WebhookOutcome> outcome;
        private final long started;

        Completion(CompletableFuture<WebhookOutcome> outcome, long started) {
            this.outcome = outcome;
            this.started = started;
        }

        @Override
        public void completed(WebhookOutcome result) {
            complete(result);
        }

        @Override
        public void failed(Exception failure) {
            complete(outcomeOf(failure, since(started)));
        }

        @Override
        public void cancelled() {
            complete(WebhookOutcome.retry("cancelled: the webhook client was closed", since(started)));
        }

        private void complete(WebhookOutcome result) {
            if (outcome.isDone()) {
                return;
            }
            try {
                completions.execute(() -> outcome.complete(result));
            } catch (RuntimeException rejected) {
                // an executor shut down before us: completing here is better than never
                outcome.complete(result);
            }
        }
    }

    private WebhookOutcome outcomeOf(Throwable failure, Duration duration) {
        // the cause that says most, wherever the client wrapped it
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AddressRefused refused) {
                return WebhookOutcome.rejected(refused.getMessage(), duration);
            }
            if (cause instanceof AnswerCut cut) {
                return cut.outcome;
            }
            String reason = switch (cause) {
                case ConnectTimeoutException e -> "could not connect within " + seconds(settings.connectTimeout());
                case SocketTimeoutException e -> "no answer within " + seconds(settings.responseTimeout());
                case ConnectException e -> "connection refused: " + describe(e);
                case UnknownHostException e -> "unknown host: " + describe(e);
                case TimeoutException e -> "no free connection to the receiver within "
                        + seconds(settings.responseTimeout()) + " (all " + settings.maxConnectionsPerReceiver()
                        + " in use)";
                default -> null;
            };
            if (reason != null) {
                return WebhookOutcome.retry(reason, duration);
            }
        }
        return WebhookOutcome.retry(describe(failure), duration);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + message;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static Timeout timeout(Duration duration) {
        return Timeout.ofMilliseconds(duration.toMillis());
    }

    /**
     * Retry-After of a 429 or 503, in seconds or as an HTTP date; anything else, or one that cannot be read, is
     * ignored.
     */
    static Optional<Duration> retryAfter(int status, String value, ZonedDateTime now) {
        if ((status != 429 && status != 503) || value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                // more digits than a long: no sensible wait
                return Optional.empty();
            }
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The answer's status, Retry-After and first bytes; a longer body is not read to its end (a receiver cannot make
     * us read megabytes): the exchange is ended with {@link AnswerCut}, which carries the outcome.
     */
    private static final class BoundedAnswer implements AsyncResponseConsumer<WebhookOutcome> {
        private final long started;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private HttpResponse response;
        private FutureCallback<WebhookOutcome> result;

        BoundedAnswer(long started) {
            this.started = started;
        }

        @Override
        public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                    FutureCallback<WebhookOutcome> result) {
            this.response = response;
            this.result = result;
            if (entity == null) {
                result.completed(outcome());
            }
        }

        @Override
        public void informationResponse(HttpResponse response, HttpContext context) {
            // a 1xx before the answer says nothing about the delivery
        }

        @Override
        public void updateCapacity(CapacityChannel channel) throws IOException {
            channel.update(Integer.MAX_VALUE);
        }

        @Override
        public void consume(ByteBuffer data) throws IOException {
            int take = Math.min(data.remaining(), ANSWER_BYTES - body.size());
            byte[] chunk = new byte[take];
            data.get(chunk);
            body.write(chunk, 0, take);
            if (body.size() >= ANSWER_BYTES) {
                throw new AnswerCut(outcome());
            }
        }

        @Override
        public void streamEnd(List<? extends Header> trailers) {
            result.completed(outcome());
        }

        @Override
        public void failed(Exception cause) {
            // reported to the exchange's callback by the client
        }

        @Override
        public void releaseResources() {
            // nothing held beyond the buffer
        }

        private WebhookOutcome outcome() {
            int status = response.getCode();
            String text = body.toString(StandardCharsets.UTF_8);
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            if (status >= 300 && status < 400 && location != null) {
                text = "redirect to " + location.getValue() + " not followed; " + text;
            }
            if (text.isBlank() && response.getReasonPhrase() != null) {
                text = response.getReasonPhrase();
            }
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            return WebhookOutcome.ofStatus(status, text, since(started),
                    retryAfter(status, retryAfter == null ? null : retryAfter.getValue(), ZonedDateTime.now()));
        }
    }

    /** Ends reading a long answer; the outcome is known from its beginning. */
    private static final class AnswerCut extends IOException {
        private final transient WebhookOutcome outcome;

        AnswerCut(WebhookOutcome outcome) {
            super("answer longer than " + ANSWER_BYTES + " bytes, not read further");
            this.outcome = outcome;
        }
    }

    /** An address the policy refuses; an UnknownHostException because that is what a resolver may throw. */
    private static final class AddressRefused extends UnknownHostException {
        AddressRefused(String message) {
            super(message);
        }
    }

    /** Resolves names as the system does, then refuses the whole name if any of its addresses is refused. */
    private record CheckingDnsResolver(AddressPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(name);
            // a name with one refused address among public ones is refused too: the connector would try them all
            for (InetAddress address : addresses) {
                Optional<String> refusal = policy.refusal(address);
                if (refusal.isPresent()) {
                    throw new AddressRefused(refusal.get());
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
