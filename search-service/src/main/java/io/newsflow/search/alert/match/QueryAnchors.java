package io.newsflow.search.alert.match;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The presearcher's view of a text query: a set of words of which an article must contain at least one for the query
 * to have any chance to match it. An article is only checked against the saved searches one of whose anchors it
 * holds, instead of against every saved search.
 *
 * <p>Words are taken without their field: a word in any text field of the article counts. That can only let more
 * searches through to the exact check, never fewer. A query with no such set (a prefix, a fuzzy word, only
 * exclusions) has none ({@code null}); the empty set means the query can never match.
 */
final class QueryAnchors {
    private QueryAnchors() {
    }

    /** Words one of which a matching article must hold; {@code null} when no such set is known. */
    static Set<String> of(Query query) {
        return switch (query) {
            case TermQuery term -> Set.of(term.getTerm().text());
            case PhraseQuery phrase -> best(singletons(phrase.getTerms()));
            case SynonymQuery synonyms -> texts(synonyms.getTerms());
            case BoostQuery boost -> of(boost.getQuery());
            case DisjunctionMaxQuery any -> union(new ArrayList<>(any.getDisjuncts()));
            case MatchNoDocsQuery none -> Set.of();
            case BooleanQuery bool -> ofBoolean(bool);
            default -> null;
        };
    }

    private static Set<String> ofBoolean(BooleanQuery bool) {
        List<Set<String>> required = new ArrayList<>();
        List<Query> optional = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            switch (clause.occur()) {
                case MUST, FILTER -> {
                    Set<String> anchors = of(clause.query());
                    if (anchors != null) {
                        required.add(anchors);
                    }
                }
                case SHOULD -> optional.add(clause.query());
                case MUST_NOT -> { /* an exclusion requires nothing */ }
            }
        }
        if (!required.isEmpty()) {
            return best(required);
        }
        boolean anyRequired = bool.clauses().stream()
                .anyMatch(c -> c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.FILTER);
        // with required clauses the optional ones need not match; without any, one of them must
        if (anyRequired || optional.isEmpty()) {
            return null;
        }
        return union(optional);
    }

    private static Set<String> union(List<Query> alternatives) {
        Set<String> all = new HashSet<>();
        for (Query alternative : alternatives) {
            Set<String> anchors = of(alternative);
            if (anchors == null) {
                return null;
            }
            all.addAll(anchors);
        }
        return all;
    }

    private static List<Set<String>> singletons(Term[] terms) {
        List<Set<String>> sets = new ArrayList<>();
        for (Term term : terms) {
            sets.add(Set.of(term.text()));
        }
        return sets;
    }

    private static Set<String> texts(List<Term> terms) {
        Set<String> texts = new HashSet<>();
        terms.forEach(t -> texts.add(t.text()));
        return texts;
    }

    /**
     * The most selective of several sets that are each required: the one whose shortest word is longest (a longer
     * word is rarer), then the smaller one. An empty set (cannot match) wins outright.
     */
    static Set<String> best(List<Set<String>> required) {
        Set<String> best = null;
        for (Set<String> candidate : required) {
            if (candidate.isEmpty()) {
                return candidate;
            }
            if (best == null || better(candidate, best)) {
                best = candidate;
            }
        }
        return best;
    }

    private static boolean better(Set<String> a, Set<String> b) {
        int shortestA = shortest(a);
        int shortestB = shortest(b);
        return shortestA != shortestB ? shortestA > shortestB : a.size() < b.size();
    }

    private static int shortest(Set<String> words) {
        return words.stream().mapToInt(String::length).min().orElse(0);
    }
}
