package io.newsflow.bench.chaos;

import io.newsflow.bench.stack.BenchStack;
import io.newsflow.bench.stack.Index;
import io.newsflow.localstack.ServiceProcess;
import io.newsflow.model.Topics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the chaos run checks after a fault, read from outside as an operator would: the ids in the index and the
 * number of searchable documents (more than ids: duplicates), the records on the dead-letter topics, files still waiting in {@code inbox/} or {@code processing/}, files refused into
 * {@code failed/}, and the services that do not answer ready.
 */
record SystemState(Set<String> indexedIds, long documents, long pagesDeadLettered, long articlesDeadLettered,
                   long filesWaiting, long filesFailed, List<String> notReady) {

    static SystemState read(BenchStack stack) throws Exception {
        Path home = stack.system().options().home();
        List<String> notReady = new ArrayList<>();
        for (ServiceProcess service : stack.services()) {
            if (!ready(stack, service)) {
                notReady.add(service.name());
            }
        }
        Set<String> ids = stack.index().allIds(Index.ALIAS);
        return new SystemState(ids, stack.index().count(Index.ALIAS), stack.topicRecords(Topics.PAGES_DLQ),
                stack.topicRecords(Topics.ARTICLES_DLQ), regularFiles(home.resolve("inbox")) + regularFiles(home.resolve("processing")),
                stack.inbox().failedFiles(), notReady);
    }

    /** Every expected article searchable once and no other, nothing waiting, every service ready. */
    boolean settled(Set<String> expected) {
        return indexedIds.equals(expected) && duplicates() == 0 && filesWaiting == 0 && notReady.isEmpty();
    }

    /**
     * Searchable documents beyond one per id: the same article found twice (an alias over two indices holding it,
     * say). A set of ids cannot show them; the index's count of documents can.
     */
    long duplicates() {
        return documents - indexedIds.size();
    }

    long lost(Set<String> expected) {
        return expected.stream().filter(id -> !indexedIds.contains(id)).count();
    }

    long extra(Set<String> expected) {
        return indexedIds.stream().filter(id -> !expected.contains(id)).count();
    }

    /**
     * Nothing good may be dead-lettered or refused: exactly the run's bad pages are on the pages' dead-letter topic,
     * every other page of the run is a good page.
     */
    boolean onlyBadPagesRefused(long badPages) {
        return pagesDeadLettered == badPages && articlesDeadLettered == 0 && filesFailed == 0;
    }

    private static boolean ready(BenchStack stack, ServiceProcess service) {
        try {
            return stack.http().send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long regularFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
