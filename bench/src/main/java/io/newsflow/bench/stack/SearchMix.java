package io.newsflow.bench.stack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The mixed query set of the search benchmark, drawn from what the index holds: free text (words, two words, a
 * phrase), exact filters on persons, places, reporters and category, event date ranges, the newest-first listing;
 * every answer carries facets and the histogram, and highlights whenever there is text.
 */
final class SearchMix {
    private SearchMix() {
    }

    static List<SearchQuery> of(Vocabulary vocabulary, int count, long seed) {
        Random random = new Random(seed);
        List<String> words = vocabulary.words(200);
        List<String> phrases = vocabulary.phrases();
        List<String> persons = orElse(vocabulary.persons(50), vocabulary.reporters(50));
        List<String> places = vocabulary.places(50);
        List<String> reporters = vocabulary.reporters(50);
        List<String> categories = vocabulary.categories(10);
        LocalDate first = vocabulary.firstEventDate();
        LocalDate last = vocabulary.lastEventDate();
        List<SearchQuery> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String word = pick(words, random);
            LocalDate from = first == null ? null : first.plusDays(random.nextInt((int) Math.max(1, last.toEpochDay() - first.toEpochDay())));
            LocalDate to = from == null ? null : from.plusDays(30);
            queries.add(switch (i % 8) {
                case 0 -> query(word, List.of(), List.of(), List.of(), List.of(), null, null, null);
                case 1 -> query(word, one(persons, random), List.of(), List.of(), List.of(), null, null, null);
                case 2 -> query("", List.of(), one(places.isEmpty() ? persons : places, random), List.of(), List.of(), from, to, null);
                case 3 -> query(word, List.of(), List.of(), List.of(), one(categories, random), null, null, null);
                case 4 -> query("", List.of(), List.of(), List.of(), List.of(), null, null, null);
                case 5 -> query('"' + pick(phrases, random) + '"', List.of(), List.of(), List.of(), List.of(), null, null, null);
                case 6 -> query("", List.of(), List.of(), one(reporters, random), List.of(), from, to, "date");
                default -> query(word + " " + pick(words, random), List.of(), List.of(), List.of(), List.of(), from, null, null);
            });
        }
        return queries;
    }

    private static SearchQuery query(String text, List<String> persons, List<String> places, List<String> reporters,
                                     List<String> categories, LocalDate from, LocalDate to, String sort) {
        // a filter on a field no article fills yet (the pipeline does not tag everything) is still sent: an empty
        // list just leaves the filter out
        return new SearchQuery(text, persons, places, reporters, categories, from, to, sort);
    }

    private static List<String> one(List<String> values, Random random) {
        return values.isEmpty() ? List.of() : List.of(pick(values, random));
    }

    private static String pick(List<String> values, Random random) {
        return values.isEmpty() ? "" : values.get(random.nextInt(values.size()));
    }

    private static List<String> orElse(List<String> values, List<String> fallback) {
        return values.isEmpty() ? fallback : values;
    }
}
