package io.newsflow.bench.stack;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Elasticsearch request search-service sends for a search, built by search-service's own
 * {@code SearchRequestFactory}, loaded from the service's packaged jar (its query classes are plain Java over the
 * Elasticsearch client types, which this JVM has): the direct queries of the search benchmark are then exactly the
 * ones the REST API runs, with nothing rebuilt by hand.
 */
final class ServiceSearchRequests {
    private static final String QUERY = "io.newsflow.search.query.";
    /** search-service's default {@code newsflow.search.api.facet-size}. */
    private static final int FACET_SIZE = 10;

    private final Constructor<?> filters;
    private final Method sort;
    private final Constructor<?> query;
    private final Object factory;
    private final Method build;
    private final String answerFields;

    private ServiceSearchRequests(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> filtersClass = loader.loadClass(QUERY + "ArticleFilters");
        Class<?> sortClass = loader.loadClass(QUERY + "ArticleSort");
        Class<?> queryClass = loader.loadClass(QUERY + "ArticleQuery");
        Class<?> factoryClass = loader.loadClass(QUERY + "SearchRequestFactory");
        filters = filtersClass.getConstructor(List.class, List.class, List.class, List.class, List.class, List.class);
        sort = sortClass.getMethod("parse", String.class);
        query = queryClass.getConstructor(String.class, filtersClass, LocalDate.class, LocalDate.class, sortClass, int.class, int.class);
        factory = factoryClass.getConstructor(int.class).newInstance(FACET_SIZE);
        build = factoryClass.getMethod("build", queryClass, String.class);
        answerFields = (String) factoryClass.getField("ANSWER_FIELDS").get(null);
    }

    /** From {@code search-service/target/quarkus-app/app/search-service-*.jar}, the jar {@code bin/newsflow up} runs. */
    static ServiceSearchRequests fromBuild(Path repository) throws IOException {
        Path app = repository.resolve("search-service/target/quarkus-app/app");
        Path jar;
        try (Stream<Path> files = Files.list(app)) {
            jar = files.filter(f -> f.getFileName().toString().matches("search-service-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no search-service jar in " + app + "; build it first"));
        }
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ServiceSearchRequests.class.getClassLoader());
        try {
            return new ServiceSearchRequests(loader);
        } catch (ReflectiveOperationException e) {
            throw new IOException("search-service's query classes in " + jar + " are not what the bench expects: " + e, e);
        }
    }

    /** The request for these API parameters (page 1, size 10, as the API's defaults). */
    SearchRequest request(SearchQuery q, String alias) {
        try {
            Object articleFilters = filters.newInstance(q.persons(), q.places(), List.of(), q.reporters(), q.categories(), List.of());
            Object articleQuery = query.newInstance(q.text(), articleFilters, q.from(), q.to(), sort.invoke(null, q.sort()), 1, 10);
            return (SearchRequest) build.invoke(factory, articleQuery, alias);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("search-service refused query " + q.apiQueryString() + ": " + e.getCause(), e);
        }
    }

    /** The {@code filter_path} search-service sends with every search (the answer fields it reads). */
    String answerFields() {
        return answerFields;
    }

    /** The request body as JSON, what the client sends to {@code POST /<alias>/_search}. */
    static String body(SearchRequest request, JsonpMapper mapper) {
        return JsonpUtils.toJsonString(request, mapper);
    }
}
