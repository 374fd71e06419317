package io.newsflow.bench.stack;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import io.newsflow.model.Article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the indexed articles hold (words of headlines, names, categories, dates), so queries find real hits. */
final class Vocabulary {
    private final Map<String, Integer> words = new HashMap<>();
    private final Map<String, Integer> persons = new HashMap<>();
    private final Map<String, Integer> places = new HashMap<>();
    private final Map<String, Integer> reporters = new HashMap<>();
    private final Map<String, Integer> categories = new HashMap<>();
    private final List<String> phrases = new ArrayList<>();
    private LocalDate first;
    private LocalDate last;

    synchronized void add(List<Article> articles) {
        for (Article article : articles) {
            if (article.headline() != null) {
                for (Term term : HanLP.segment(article.headline())) {
                    if (term.word.length() >= 2 && term.word.codePoints().allMatch(Character::isIdeographic)) {
                        words.merge(term.word, 1, Integer::sum);
                    }
                }
                if (phrases.size() < 1000 && article.headline().length() >= 6) {
                    phrases.add(article.headline().substring(0, 4));
                }
            }
            count(persons, article.persons());
            count(places, article.places());
            count(reporters, article.reporters());
            if (article.category() != null) {
                categories.merge(article.category(), 1, Integer::sum);
            }
            if (article.eventDate() != null) {
                first = first == null || article.eventDate().isBefore(first) ? article.eventDate() : first;
                last = last == null || article.eventDate().isAfter(last) ? article.eventDate() : last;
            }
        }
    }

    /** The {@code n} most frequent headline words (2+ Han characters). */
    List<String> words(int n) {
        return top(words, n);
    }

    List<String> persons(int n) {
        return top(persons, n);
    }

    List<String> places(int n) {
        return top(places, n);
    }

    List<String> reporters(int n) {
        return top(reporters, n);
    }

    List<String> categories(int n) {
        return top(categories, n);
    }

    /** Starts of headlines (4 characters), for phrase queries. */
    List<String> phrases() {
        return List.copyOf(phrases);
    }

    LocalDate firstEventDate() {
        return first;
    }

    LocalDate lastEventDate() {
        return last;
    }

    private static void count(Map<String, Integer> counts, List<String> values) {
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
    }

    private static List<String> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}
