package io.newsflow.search.alert;

import io.newsflow.model.Article;
import io.newsflow.search.query.ArticleFilters;
import io.newsflow.search.query.SearchCriteria;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a saved search found in an article, for the people it alerts: the filter values it required and the words of
 * its text the article holds, and up to three pieces of the article's text with those words marked, HTML-escaped
 * with {@code <em>} as the only markup (as the search API's highlights).
 */
final class HitDescription {
    /** Words of a query text: runs of letters and digits (operators, quotes and spaces separate them). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int FRAGMENTS = 3;
    private static final int CONTEXT = 40;

    private HitDescription() {
    }

    /** The filter values and the words of the text (not those it excludes) found in the article. */
    static List<String> matched(SearchCriteria criteria, Article article) {
        Set<String> matched = new LinkedHashSet<>();
        ArticleFilters f = criteria.filters();
        matched.addAll(f.persons());
        matched.addAll(f.places());
        matched.addAll(f.organizations());
        matched.addAll(f.reporters());
        matched.addAll(f.keywords());
        String text = (article.headline() == null ? "" : article.headline()) + "\n"
                + String.join("\n", article.subheadlines()) + "\n" + (article.body() == null ? "" : article.body());
        for (String word : words(criteria.text())) {
            if (text.contains(word)) {
                matched.add(word);
            }
        }
        return List.copyOf(matched);
    }

    /** Up to three pieces of headline and body around the first places where the found words occur. */
    static List<String> highlights(List<String> found, Article article) {
        List<String> fragments = new ArrayList<>();
        for (String text : new String[]{article.headline(), article.body()}) {
            if (text == null || found.isEmpty()) {
                continue;
            }
            int from = 0;
            while (fragments.size() < FRAGMENTS) {
                int at = firstOccurrence(text, found, from);
                if (at < 0) {
                    break;
                }
                int start = Math.max(0, at - CONTEXT);
                int end = Math.min(text.length(), at + CONTEXT);
                fragments.add(mark(text.substring(start, end), found));
                from = end;
            }
        }
        return fragments;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            boolean excluded = m.start() > 0 && text.charAt(m.start() - 1) == '-';
            if (!excluded) {
                words.add(m.group());
            }
        }
        return words;
    }

    private static int firstOccurrence(String text, List<String> words, int from) {
        int first = -1;
        for (String word : words) {
            int at = text.indexOf(word, from);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static String mark(String piece, List<String> words) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < piece.length()) {
            String longest = null;
            for (String word : words) {
                if (piece.startsWith(word, i) && (longest == null || word.length() > longest.length())) {
                    longest = word;
                }
            }
            if (longest != null) {
                out.append("<em>").append(escape(longest)).append("</em>");
                i += longest.length();
            } else {
                out.append(escape(String.valueOf(piece.charAt(i))));
                i++;
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
