package io.newsflow.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** One scrape of a service's Prometheus metrics ({@code /q/metrics}): series (name with labels) to value. */
public record ServiceMetrics(Map<String, Double> series) {

    public static ServiceMetrics scrape(HttpClient http, URI uri) {
        try {
            String text = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> series = new HashMap<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                try {
                    series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // not a sample line
                }
            }
            return new ServiceMetrics(series);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read metrics at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + uri, e);
        }
    }

    /** The sum of every series of that metric name (all label sets), 0 when absent. */
    public double total(String name) {
        return series.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** {@code this - earlier} for a counter. */
    public double since(ServiceMetrics earlier, String name) {
        return total(name) - earlier.total(name);
    }
}
