package io.newsflow.bench.stack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/** Closed-loop load: {@code clients} threads each sending the next request of a list as soon as the last answered. */
final class LoadRunner {
    /** Latencies of the answered requests (status 200), how many failed, and the wall time of the run. */
    record Result(Samples latency, long errors, double seconds) {
        static Result none() {
            return new Result(new Samples(), 0, 0);
        }

        double requestsPerSecond() {
            return latency.count() / seconds;
        }

        /** This and {@code other} as one run: their requests and time together. */
        Result plus(Result other) {
            Samples both = new Samples();
            both.addAll(latency);
            both.addAll(other.latency);
            return new Result(both, errors + other.errors, seconds + other.seconds);
        }
    }

    private LoadRunner() {
    }

    static Result run(HttpClient http, List<HttpRequest> requests, int clients, Duration duration) throws Exception {
        return run(http, requests, clients, duration, new AtomicInteger());
    }

    /** As {@link #run(HttpClient, List, int, Duration)}, taking the requests from {@code next} on (it moves on). */
    static Result run(HttpClient http, List<HttpRequest> requests, int clients, Duration duration, AtomicInteger next) throws Exception {
        Samples latency = new Samples();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        try {
            List<Future<?>> workers = IntStream.range(0, clients).<Future<?>>mapToObj(c -> pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get(Math.floorMod(next.getAndIncrement(), requests.size()));
                    long t = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            latency.add(System.nanoTime() - t);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            })).toList();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Result(latency, errors.get(), (System.nanoTime() - started) / 1e9);
    }
}
