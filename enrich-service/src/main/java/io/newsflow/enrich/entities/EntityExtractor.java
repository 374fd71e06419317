package io.newsflow.enrich.entities;

import com.hankcs.hanlp.seg.common.Term;
import io.newsflow.enrich.ner.EntitySpan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Persons, places and organisations of a page's articles, from the tagger's spans, the names dictionary and the
 * page's context ({@link PersonFinder}). Works on a whole page because evidence on one article (a title before a
 * name) vouches for the same name in the page's other articles.
 */
public final class EntityExtractor {
    private static final Pattern NAME_CHARS = Pattern.compile("[\\p{IsHan}A-Za-z0-9·]+");

    private final NamesDictionary names;
    private final PersonFinder personFinder = new PersonFinder();

    public EntityExtractor(NamesDictionary names) {
        this.names = names;
    }

    /** One article's text with its words and the tagger's spans over it. */
    public record Analysed(String text, List<Term> words, List<EntitySpan> spans) {
    }

    public record Entities(List<String> persons, List<String> places, List<String> organizations) {
    }

    public List<Entities> extract(List<Analysed> articles) {
        List<String> texts = new ArrayList<>(articles.size());
        List<List<PersonFinder.Mention>> tagged = new ArrayList<>(articles.size());
        for (Analysed article : articles) {
            texts.add(article.text());
            List<PersonFinder.Mention> mentions = new ArrayList<>();
            for (EntitySpan span : article.spans()) {
                if (span.type().equals("PER")) {
                    mentions.add(new PersonFinder.Mention(span.text(), span.start(), span.end()));
                }
            }
            for (Term word : article.words()) {
                if (names.persons().contains(word.word)) {
                    mentions.add(new PersonFinder.Mention(word.word, word.offset, word.offset + word.length()));
                }
            }
            tagged.add(mentions);
        }
        List<List<String>> persons = personFinder.persons(texts,
                articles.stream().map(Analysed::words).toList(), tagged, names.persons());
        List<Entities> entities = new ArrayList<>(articles.size());
        for (int a = 0; a < articles.size(); a++) {
            Analysed article = articles.get(a);
            Set<String> people = Set.copyOf(persons.get(a));
            entities.add(new Entities(persons.get(a),
                    named(article, "LOC", names.places(), people),
                    named(article, "ORG", names.organizations(), people)));
        }
        return entities;
    }

    /** Tagged spans of {@code type} plus dictionary words of that kind, in order of appearance, without persons. */
    private static List<String> named(Analysed article, String type, Set<String> dictionary, Set<String> persons) {
        List<EntitySpan> found = new ArrayList<>();
        article.spans().stream().filter(span -> span.type().equals(type)).forEach(found::add);
        for (Term word : article.words()) {
            if (dictionary.contains(word.word)) {
                found.add(new EntitySpan(type, word.offset, word.offset + word.length(), word.word));
            }
        }
        found.sort(Comparator.comparingInt(EntitySpan::start));
        Set<String> names = new LinkedHashSet<>();
        for (EntitySpan span : found) {
            String name = span.text();
            if (name.length() >= 2 && NAME_CHARS.matcher(name).matches() && !persons.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
