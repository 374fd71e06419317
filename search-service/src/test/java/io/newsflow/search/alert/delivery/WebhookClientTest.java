package io.newsflow.search.alert.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.search.alert.delivery.WebhookOutcome.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Deliveries to real HTTP servers on 127.0.0.1 (the JDK's), with loopback allowed unless a test says otherwise. */
class WebhookClientTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);
    private static final AddressPolicy LOOPBACK_ALLOWED = AddressPolicy.allowing(List.of("loopback"));
    private static final byte[] BODY = "{\"deliveryId\":\"d-1\",\"savedSearchId\":\"s-1\",\"headline\":\"新闻\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        released.countDown();
        for (AutoCloseable resource : opened.reversed()) {
            resource.close();
        }
    }

    @Test
    void a200IsDeliveredAndTheReceiverGetsTheExactBodyAndHeaders() throws Exception {
        Receiver receiver = receiver(exchange -> answer(exchange, 200, "ok"));
        WebhookClient client = client(LOOPBACK_ALLOWED);
        String signature = WebhookSignature.header("secret", 1_767_225_600L, BODY);

        WebhookOutcome outcome = client.send(receiver.url("/hooks/newsflow?desk=1"), BODY,
                Map.of("Newsflow-Delivery", "d-1", "Newsflow-Signature", signature)).get(10, TimeUnit.SECONDS);

        assertThat(outcome.kind()).isEqualTo(Kind.DELIVERED);
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.answer()).isEqualTo("ok");
        assertThat(outcome.duration()).isPositive();
        assertThat(receiver.requests).hasSize(1);
        Request request = receiver.requests.getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo("/hooks/newsflow?desk=1");
        assertThat(request.body()).isEqualTo(BODY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header("User-Agent")).isEqualTo("newsflow-alerts/1");
        assertThat(request.header("Newsflow-Delivery")).isEqualTo("d-1");
        assertThat(request.header("Newsflow-Signature")).isEqualTo(signature);
        assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(BODY.length));
        // what the receiver got verifies as the receiver would verify it
        assertThat(WebhookSignature.verify("secret", request.header("Newsflow-Signature"), request.body(),
                1_767_225_600L, 300)).isTrue();
    }

    @Test
    void every2xxIsDelivered() throws Exception {
        Receiver receiver = receiver(exchange -> answer(exchange, 204, ""));

        WebhookOutcome outcome = send(client(LOOPBACK_ALLOWED), receiver.url("/"));

        assertThat(outcome.kind()).isEqualTo(Kind.DELIVERED);
        assertThat(outcome.status()).isEqualTo(204);
    }

    @Test
    void serverErrorsTooManyRequestsAndRequestTimeoutsAreRetried() throws Exception {
        WebhookClient client = client(LOOPBACK_ALLOWED);
        Receiver failing = receiver(exchange -> answer(exchange, 500, "database down"));
        Receiver unavailable = receiver(exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "120");
            answer(exchange, 503, "maintenance");
        });
        Receiver throttling = receiver(exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "7");
            answer(exchange, 429, "slow down");
        });
        Receiver throttlingSilently = receiver(exchange -> answer(exchange, 429, ""));
        Receiver timedOut = receiver(exchange -> answer(exchange, 408, ""));

        WebhookOutcome failed = send(client, failing.url("/"));
        assertThat(failed.kind()).isEqualTo(Kind.RETRY);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.answer()).isEqualTo("database down");
        assertThat(failed.retryAfter()).isEmpty();

        WebhookOutcome maintenance = send(client, unavailable.url("/"));
        assertThat(maintenance.kind()).isEqualTo(Kind.RETRY);
        assertThat(maintenance.status()).isEqualTo(503);
        assertThat(maintenance.retryAfter()).contains(Duration.ofSeconds(120));

        WebhookOutcome throttled = send(client, throttling.url("/"));
        assertThat(throttled.kind()).isEqualTo(Kind.RETRY);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.answer()).isEqualTo("slow down");
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7));

        WebhookOutcome throttledSilently = send(client, throttlingSilently.url("/"));
        assertThat(throttledSilently.kind()).isEqualTo(Kind.RETRY);
        assertThat(throttledSilently.retryAfter()).isEmpty();

        assertThat(send(client, timedOut.url("/")).kind()).isEqualTo(Kind.RETRY);
    }

    @Test
    void otherClientErrorsAreRejectedWithTheAnswer() throws Exception {
        WebhookClient client = client(LOOPBACK_ALLOWED);
        Receiver missing = receiver(exchange -> answer(exchange, 404, "no such hook"));
        Receiver refusing = receiver(exchange -> answer(exchange, 400, "{\"error\":\"unknown field headline\"}"));

        WebhookOutcome notFound = send(client, missing.url("/gone"));
        assertThat(notFound.kind()).isEqualTo(Kind.REJECTED);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.answer()).isEqualTo("no such hook");

        WebhookOutcome badRequest = send(client, refusing.url("/"));
        assertThat(badRequest.kind()).isEqualTo(Kind.REJECTED);
        assertThat(badRequest.status()).isEqualTo(400);
        assertThat(badRequest.answer()).isEqualTo("{\"error\":\"unknown field headline\"}");
    }

    @Test
    void aLongAnswerIsKeptToItsFirst300Characters() throws Exception {
        String page = "错".repeat(50_000);
        Receiver receiver = receiver(exchange -> answer(exchange, 400, page));

        WebhookOutcome outcome = send(client(LOOPBACK_ALLOWED), receiver.url("/"));

        assertThat(outcome.kind()).isEqualTo(Kind.REJECTED);
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.answer()).isEqualTo("错".repeat(300));
    }

    @Test
    void aRedirectIsNotFollowedAndRejected() throws Exception {
        Receiver landing = receiver(exchange -> answer(exchange, 200, "landed"));
        URI target = landing.url("/landing");
        Receiver redirecting = receiver(exchange -> {
            exchange.getResponseHeaders().add("Location", target.toString());
            answer(exchange, 302, "");
        });

        WebhookOutcome outcome = send(client(LOOPBACK_ALLOWED), redirecting.url("/"));

        assertThat(outcome.kind()).isEqualTo(Kind.REJECTED);
        assertThat(outcome.status()).isEqualTo(302);
        assertThat(outcome.answer()).contains("redirect to " + target + " not followed");
        assertThat(redirecting.requests).hasSize(1);
        assertThat(landing.requests).isEmpty();
    }

    @Test
    void aClosedPortIsRetried() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        WebhookOutcome outcome = send(client(LOOPBACK_ALLOWED), URI.create("http://127.0.0.1:" + port + "/"));

        assertThat(outcome.kind()).isEqualTo(Kind.RETRY);
        assertThat(outcome.status()).isZero();
        assertThat(outcome.answer()).startsWith("connection refused");
    }

    @Test
    void aSilentReceiverIsRetriedAfterTheResponseTimeoutAndHoldsUpNoOtherReceiver() throws Exception {
        Receiver hanging = receiver(exchange -> {
            awaitRelease();
            answer(exchange, 200, "too late");
        });
        Receiver prompt = receiver(exchange -> answer(exchange, 200, "ok"));
        WebhookClient client = client(LOOPBACK_ALLOWED);
        // the first delivery loads the client's classes; measured below is a delivery, not a warm-up
        assertThat(send(client, prompt.url("/")).kind()).isEqualTo(Kind.DELIVERED);

        long started = System.nanoTime();
        // more than the receiver's connections: every one of them hangs and two deliveries wait for one
        List<CompletableFuture<WebhookOutcome>> stuck = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stuck.add(client.send(hanging.url("/" + i), BODY, Map.of()));
        }
        await().atMost(Duration.ofSeconds(1)).until(() -> hanging.requests.size() == 4);

        long promptStarted = System.nanoTime();
        WebhookOutcome delivered = send(client, prompt.url("/"));
        Duration promptTook = Duration.ofNanos(System.nanoTime() - promptStarted);

        assertThat(delivered.kind()).isEqualTo(Kind.DELIVERED);
        assertThat(promptTook).isLessThan(RESPONSE_TIMEOUT.dividedBy(4));
        assertThat(stuck).noneMatch(CompletableFuture::isDone);

        List<WebhookOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<WebhookOutcome> delivery : stuck) {
            outcomes.add(delivery.get(30, TimeUnit.SECONDS));
        }
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.kind()).isEqualTo(Kind.RETRY);
            assertThat(outcome.status()).isZero();
            assertThat(outcome.duration()).isGreaterThanOrEqualTo(RESPONSE_TIMEOUT);
        });
        // the four that had a connection; the two waiting for one either got one later or gave up waiting
        assertThat(outcomes).filteredOn(outcome -> outcome.answer().equals("no answer within 2 s"))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.answer())
                .isIn("no answer within 2 s", "no free connection to the receiver within 2 s (all 4 in use)"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(RESPONSE_TIMEOUT.multipliedBy(5));
    }

    @Test
    void aReceiverThatTricklesItsAnswerIsCutOffAtTheDeadline() throws Exception {
        Receiver trickling = receiver(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                // one byte well within the response timeout each time, until the client hangs up
                while (!released.await(RESPONSE_TIMEOUT.toMillis() / 4, TimeUnit.MILLISECONDS)) {
                    out.write(' ');
                    out.flush();
                }
            }
        });
        WebhookClient client = client(LOOPBACK_ALLOWED);
        Duration deadline = RESPONSE_TIMEOUT.plus(CONNECT_TIMEOUT).multipliedBy(2);

        WebhookOutcome outcome = client.send(trickling.url("/"), BODY, Map.of()).get(30, TimeUnit.SECONDS);

        assertThat(outcome.kind()).isEqualTo(Kind.RETRY);
        assertThat(outcome.answer()).isEqualTo("no complete answer within 6 s");
        assertThat(outcome.duration()).isEqualTo(deadline);
    }

    @Test
    void loopbackTargetsAreRefusedBeforeAnyConnectionWhenLoopbackIsNotAllowed() throws Exception {
        Receiver receiver = receiver(exchange -> answer(exchange, 200, "ok"));
        WebhookClient client = client(AddressPolicy.publicOnly());
        int port = receiver.server.getAddress().getPort();

        for (String url : List.of("http://localhost:" + port + "/", "http://127.0.0.1:" + port + "/",
                "http://[::1]:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/")) {
            WebhookOutcome outcome = send(client, URI.create(url));

            assertThat(outcome.kind()).as(url).isEqualTo(Kind.REJECTED);
            assertThat(outcome.status()).isZero();
            assertThat(outcome.answer()).as(url).startsWith("refused: ")
                    .endsWith(" is a loopback address; allow it with newsflow.search.alerts.webhook.allowed-networks");
        }
        assertThat(receiver.requests).isEmpty();
    }

    @Test
    void anAllowedNetworkLetsTheDeliveryThrough() throws Exception {
        Receiver receiver = receiver(exchange -> answer(exchange, 200, "ok"));
        WebhookClient client = client(AddressPolicy.allowing(List.of("127.0.0.1/32")));

        assertThat(send(client, receiver.url("/")).kind()).isEqualTo(Kind.DELIVERED);
    }

    @Test
    void headersTheClientSetsItselfCannotBeGiven() {
        WebhookClient client = client(LOOPBACK_ALLOWED);
        URI url = URI.create("http://127.0.0.1:9/");

        assertThatThrownBy(() -> client.send(url, BODY, Map.of("content-type", "text/plain")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.send(url, BODY, Map.of("Content-Length", "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingEndsDeliveriesInFlightAsRetriesAtOnce() throws Exception {
        Receiver hanging = receiver(exchange -> {
            awaitRelease();
            answer(exchange, 200, "too late");
        });
        WebhookClient client = client(LOOPBACK_ALLOWED);
        CompletableFuture<WebhookOutcome> inFlight = client.send(hanging.url("/"), BODY, Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> hanging.requests.size() == 1);

        long closing = System.nanoTime();
        client.close();
        WebhookOutcome outcome = inFlight.get(RESPONSE_TIMEOUT.toMillis() / 2, TimeUnit.MILLISECONDS);

        // not the response timeout: the close itself ended the delivery
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(RESPONSE_TIMEOUT.dividedBy(2));
        assertThat(outcome.kind()).isEqualTo(Kind.RETRY);
        assertThat(outcome.answer()).doesNotStartWith("no answer");
        assertThat(client.send(hanging.url("/"), BODY, Map.of()).get(1, TimeUnit.SECONDS).kind())
                .isEqualTo(Kind.RETRY);
    }

    private WebhookOutcome send(WebhookClient client, URI url) throws Exception {
        return client.send(url, BODY, Map.of()).get(10, TimeUnit.SECONDS);
    }

    private WebhookClient client(AddressPolicy policy) {
        WebhookClient client = new WebhookClient(new WebhookClient.Settings(CONNECT_TIMEOUT, RESPONSE_TIMEOUT, 4, 64),
                policy);
        opened.add(client);
        return client;
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Receiver receiver(Handler handler) throws IOException {
        Receiver receiver = new Receiver(handler);
        opened.add(receiver);
        return receiver;
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> String.join(",", entry.getValue()))
                    .findFirst().orElse(null);
        }
    }

    /** A JDK HTTP server on 127.0.0.1 that records every request, each handled on its own thread. */
    private static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<Request> requests = new CopyOnWriteArrayList<>();
        private final ExecutorService threads = Executors.newCachedThreadPool();

        Receiver(Handler handler) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                try {
                    handler.handle(exchange);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        URI url(String target) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target);
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
