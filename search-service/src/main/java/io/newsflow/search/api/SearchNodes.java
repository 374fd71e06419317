package io.newsflow.search.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The nodes of the search path and the order to try them in for one request, chosen as the low-level client chooses:
 * in turn, leaving out for a while a node whose last request failed, so that a dead node costs one failed attempt per
 * {@code avoidFor} rather than one per request. When every node is left out, the one whose time runs out first is
 * tried anyway: a search is never refused without a try.
 */
final class SearchNodes {

    /** One node, {@code host:port} as configured. */
    record Node(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private final List<Node> nodes;
    private final long avoidNanos;
    private final LongSupplier nanoClock;
    private final AtomicInteger next = new AtomicInteger();
    /** Nodes left out, with the {@link System#nanoTime()} until which they are. */
    private final Map<Node, Long> avoidedUntil = new ConcurrentHashMap<>();

    /**
     * @param hosts     {@code host:port} of each node ({@code host} alone: port 9200)
     * @param avoidFor  how long a node that failed is left out
     * @param nanoClock {@link System#nanoTime()}, or a test's clock
     */
    SearchNodes(List<String> hosts, Duration avoidFor, LongSupplier nanoClock) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no Elasticsearch host configured");
        }
        this.nodes = hosts.stream().map(SearchNodes::node).distinct().toList();
        this.avoidNanos = avoidFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The nodes to try for one request, in this order: those not left out, from the next in turn on. */
    List<Node> forRequest() {
        long now = nanoClock.getAsLong();
        int first = Math.floorMod(next.getAndIncrement(), nodes.size());
        List<Node> order = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get((first + i) % nodes.size());
            Long until = avoidedUntil.get(node);
            if (until == null || until - now <= 0) {
                order.add(node);
            }
        }
        if (order.isEmpty()) {
            order.add(nodes.stream().min(Comparator.comparingLong(node -> avoidedUntil.getOrDefault(node, now) - now)).orElseThrow());
        }
        return order;
    }

    /** The node failed a request: it is left out for {@code avoidFor}. */
    void failed(Node node) {
        avoidedUntil.put(node, nanoClock.getAsLong() + avoidNanos);
    }

    /** The node answered: it is taken in turn again. Whether it had been left out. */
    boolean answered(Node node) {
        return avoidedUntil.remove(node) != null;
    }

    private static Node node(String hostPort) {
        String trimmed = hostPort.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0) {
            return new Node(trimmed, 9200);
        }
        return new Node(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)));
    }
}
