package io.newsflow.enrich.entities;

import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which person names of a page's articles to keep. The tagger proposes names; a name is kept when the page
 * gives evidence that it is a person: a title before it ({@code 市委书记杜小刚}), a title or speech verb after it
 * ({@code 杜小刚强调}), membership of a {@code 、}-list with such a name or after a title ({@code 市领导蒋敏、曹佳中}),
 * repeated mentions, or the names dictionary. A name directly followed by an organisation or place word
 * ({@code 吉佳蓝公司}) is dropped everywhere on the page. Names must look like names: a listed surname and two to
 * three characters (four with a compound surname), or a transliteration with {@code ·}.
 */
final class PersonFinder {
    /** A run of short Han strings joined by 、: candidate name lists. */
    private static final Pattern LIST = Pattern.compile("[\\p{IsHan}·]{2,12}(?:、[\\p{IsHan}·]{2,12})+");
    /** Characters that end a name after a title: punctuation and particles ({@code 信长星在}, {@code 马良、}). */
    private static final String NAME_END = "，。、；：？！“”‘’（）()《》 \n在和与及等对到向为的是就也都同并率以将从于一";
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern TRANSLITERATION = Pattern.compile("\\p{IsHan}{1,6}·\\p{IsHan}{1,6}(?:·\\p{IsHan}{1,6})?");

    private final Surnames surnames = new Surnames();
    private final PersonContext context = new PersonContext();

    /** One tagged or list-derived occurrence of a name in an article. */
    record Mention(String name, int start, int end) {
    }

    /**
     * The persons of each article, in order of first mention. {@code tagged.get(i)} are article i's tagger names,
     * {@code words.get(i)} its HanLP words.
     */
    List<List<String>> persons(List<String> texts, List<List<Term>> words, List<List<Mention>> tagged,
                               Set<String> dictionary) {
        List<List<Mention>> mentions = new ArrayList<>();
        Set<String> evidenced = new HashSet<>();
        Set<String> rejected = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        List<List<Mention>> lists = new ArrayList<>();
        for (int a = 0; a < texts.size(); a++) {
            String text = texts.get(a);
            List<Mention> found = new ArrayList<>();
            WordBoundaries boundaries = new WordBoundaries(text.length(), words.get(a));
            for (Mention raw : tagged.get(a)) {
                Mention mention = normalise(raw);
                if (mention != null && boundaries.aligned(mention.start(), mention.end())) {
                    found.add(mention);
                    counts.merge(mention.name(), 1, Integer::sum);
                }
            }
            found.addAll(titledNames(text, words.get(a), boundaries, found));
            List<List<Mention>> articleLists = nameLists(text, found);
            articleLists.forEach(found::addAll);
            lists.addAll(articleLists);
            for (Mention mention : found) {
                PersonContext.Verdict after = context.after(text, mention.end());
                if (after == PersonContext.Verdict.NOT_PERSON) {
                    rejected.add(mention.name());
                } else if (after == PersonContext.Verdict.PERSON || context.titleBefore(text, mention.start())
                        || dictionary.contains(mention.name())) {
                    evidenced.add(mention.name());
                }
            }
            mentions.add(found);
        }
        // Repeats count tagged names only: a list of places (常州、苏州) seen twice must not turn into people.
        counts.forEach((name, count) -> {
            if (count >= 2 && !name.contains("·")) {
                evidenced.add(name);
            }
        });
        for (List<Mention> list : lists) {
            if (list.stream().anyMatch(m -> evidenced.contains(m.name()))) {
                list.forEach(m -> evidenced.add(m.name()));
            }
        }
        // any occurrence on the page followed by a company or place word, tagged or not, rules a name out
        for (String name : evidenced) {
            if (followedByNonPersonWord(name, texts)) {
                rejected.add(name);
            }
        }
        evidenced.removeAll(rejected);
        List<List<String>> persons = new ArrayList<>();
        for (List<Mention> found : mentions) {
            Set<String> names = new LinkedHashSet<>();
            found.stream()
                    .sorted((x, y) -> Integer.compare(x.start(), y.start()))
                    .filter(m -> evidenced.contains(m.name()))
                    .forEach(m -> names.add(m.name()));
            persons.add(List.copyOf(names));
        }
        return persons;
    }

    /**
     * Names right after a title that the tagger missed ({@code 省委书记信长星在}): a surname, then the shortest
     * two or three characters followed by punctuation, a person word or a particle. A candidate that HanLP reads as
     * one ordinary word ({@code 书记强调}) or as part of a longer one ({@code 领导干部}) is not a name.
     */
    private List<Mention> titledNames(String text, List<Term> words, WordBoundaries boundaries, List<Mention> tagged) {
        Set<Integer> taggedStarts = new HashSet<>();
        tagged.forEach(m -> taggedStarts.add(m.start()));
        Map<Integer, Term> wordAt = new HashMap<>();
        words.forEach(w -> wordAt.put(w.offset, w));
        List<Mention> names = new ArrayList<>();
        for (int i = 1; i < text.length() - 1; i++) {
            if (taggedStarts.contains(i) || !surnames.canStartWith(text.charAt(i))
                    || !context.titleBefore(text, i)) {
                continue;
            }
            for (int length = 2; length <= 3 && i + length <= text.length(); length++) {
                int end = i + length;
                if (end == text.length() || NAME_END.indexOf(text.charAt(end)) >= 0
                        || context.after(text, end) == PersonContext.Verdict.PERSON) {
                    Term word = wordAt.get(i);
                    boolean ordinaryWord = word != null && word.length() == length
                            && (word.nature == null || !word.nature.startsWith("nr"));
                    String name = text.substring(i, end);
                    if (!ordinaryWord && boundaries.aligned(i, end) && looksLikeName(name)) {
                        names.add(new Mention(name, i, end));
                    }
                    break;
                }
            }
        }
        return names;
    }

    /**
     * Where HanLP's words start and end. A tagged name that starts or ends inside a word is a piece of another word
     * ({@code 齐聚|一堂}, {@code 明珠}), not a name.
     */
    private static final class WordBoundaries {
        private final boolean[] boundary;

        WordBoundaries(int length, List<Term> words) {
            boundary = new boolean[length + 1];
            boundary[0] = true;
            boundary[length] = true;
            for (Term word : words) {
                boundary[Math.min(length, word.offset)] = true;
                boundary[Math.min(length, word.offset + word.length())] = true;
            }
        }

        boolean aligned(int start, int end) {
            return boundary[start] && boundary[end];
        }
    }

    private boolean followedByNonPersonWord(String name, List<String> texts) {
        for (String text : texts) {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                if (context.after(text, at + name.length()) == PersonContext.Verdict.NOT_PERSON) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The mention cut to the name itself (no honorific), or null when it does not look like a person name. */
    private Mention normalise(Mention raw) {
        String name = context.stripHonorific(raw.name());
        Mention mention = new Mention(name, raw.start(), raw.start() + name.length());
        return looksLikeName(name) ? mention : null;
    }

    boolean looksLikeName(String name) {
        if (name.indexOf('·') >= 0) {
            return TRANSLITERATION.matcher(name).matches();
        }
        if (!HAN.matcher(name).matches()) {
            return false;
        }
        int surname = surnames.surnameLength(name);
        return surname == 1 && name.length() >= 2 && name.length() <= 3
                || surname == 2 && name.length() >= 3 && name.length() <= 4;
    }

    /**
     * The names of every {@code 、}-list that looks like a list of people: each inner item is a whole name, the first
     * item is the name after a title ({@code 省领导费高云}) or a tagged name, the last one a tagged name or the name
     * before a person word ({@code 储永宏参加}). A list counts only when all its items look like names; a list after a
     * title is evidence by itself (its first mention is marked by the title before it).
     */
    private List<List<Mention>> nameLists(String text, List<Mention> tagged) {
        List<List<Mention>> lists = new ArrayList<>();
        Matcher matcher = LIST.matcher(text);
        while (matcher.find()) {
            String[] items = matcher.group().split("、");
            List<Mention> names = new ArrayList<>();
            int offset = matcher.start();
            for (int i = 0; i < items.length; i++) {
                String item = items[i];
                int start = offset;
                int end = offset + item.length();
                offset = end + 1;
                Mention name = i == 0 ? firstItem(text, start, end, tagged)
                        : i == items.length - 1 ? lastItem(text, start, end, tagged)
                        : new Mention(item, start, end);
                if (name == null || !looksLikeName(name.name())) {
                    names = null;
                    break;
                }
                names.add(name);
            }
            if (names != null) {
                lists.add(names);
            }
        }
        return lists;
    }

    private Mention firstItem(String text, int start, int end, List<Mention> tagged) {
        for (Mention mention : tagged) {
            if (mention.end() == end && mention.start() >= start) {
                return mention;
            }
        }
        if (looksLikeName(text.substring(start, end))) {
            return new Mention(text.substring(start, end), start, end);
        }
        int nameStart = context.afterLastTitle(text, start, end);
        return nameStart >= start ? new Mention(text.substring(nameStart, end), nameStart, end) : null;
    }

    private Mention lastItem(String text, int start, int end, List<Mention> tagged) {
        for (Mention mention : tagged) {
            if (mention.start() == start && mention.end() <= end) {
                return mention;
            }
        }
        for (int length = 2; length <= Math.min(4, end - start); length++) {
            if (length == end - start || context.after(text, start + length) == PersonContext.Verdict.PERSON) {
                return new Mention(text.substring(start, start + length), start, start + length);
            }
        }
        return null;
    }
}
