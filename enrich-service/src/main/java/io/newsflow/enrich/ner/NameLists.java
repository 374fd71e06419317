package io.newsflow.enrich.ner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic training sentences that are lists of person names, built from the persons of the training sentences
 * themselves: news pages and the MSRA test both have long name lists, often with no separator between the names
 * ({@code 出席的有张三李四王五}), which the training files hardly show. Half the lists run the names together, the
 * others separate them with {@code 、}; reproducible for a given seed.
 */
public final class NameLists {
    private static final List<String> OPENINGS = List.of("", "", "出席会议的有", "参加活动的还有", "市领导", "获奖者");

    private NameLists() {
    }

    public static List<TaggedSentence> generate(List<TaggedSentence> training, int count, long seed) {
        List<String> names = persons(training);
        List<TaggedSentence> lists = new ArrayList<>(count);
        if (names.isEmpty()) {
            return lists;
        }
        Random random = new Random(seed);
        for (int s = 0; s < count; s++) {
            String opening = OPENINGS.get(random.nextInt(OPENINGS.size()));
            String separator = random.nextBoolean() ? "" : "、";
            StringBuilder text = new StringBuilder(opening);
            List<String> tags = new ArrayList<>(outside(opening.length()));
            int size = 2 + random.nextInt(7);
            for (int n = 0; n < size; n++) {
                if (n > 0) {
                    text.append(separator);
                    tags.addAll(outside(separator.length()));
                }
                String name = names.get(random.nextInt(names.size()));
                text.append(name);
                tags.add("B-PER");
                tags.addAll(inside(name.length() - 1));
            }
            text.append(random.nextBoolean() ? "等。" : "。");
            tags.addAll(outside(text.length() - tags.size()));
            lists.add(new TaggedSentence(text.toString(), tags));
        }
        return lists;
    }

    private static List<String> persons(List<TaggedSentence> training) {
        Set<String> names = new LinkedHashSet<>();
        for (TaggedSentence sentence : training) {
            for (EntitySpan span : EntitySpans.of(sentence.text(), sentence.tags())) {
                if (span.type().equals("PER") && span.text().length() >= 2 && span.text().length() <= 4) {
                    names.add(span.text());
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static List<String> outside(int n) {
        return Collections.nCopies(n, "O");
    }

    private static List<String> inside(int n) {
        return Collections.nCopies(n, "I-PER");
    }
}
