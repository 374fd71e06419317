package io.newsflow.search.alert;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver for tests: a real HTTP server on 127.0.0.1 that keeps every delivery and answers a chosen status. */
public final class WebhookReceiver implements AutoCloseable {
    /** A delivery as received. */
    public record Delivery(String deliveryId, String signature, String body) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int answer = status.get();
            if (answer < 300) {
                deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Newsflow-Delivery"),
                        exchange.getRequestHeaders().getFirst("Newsflow-Signature"), new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void answer(int httpStatus) {
        status.set(httpStatus);
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** How many deliveries carried each delivery id. */
    public Map<String, Long> countsById() {
        return deliveries.stream().collect(java.util.stream.Collectors.groupingBy(Delivery::deliveryId,
                java.util.stream.Collectors.counting()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
