package io.newsflow.enrich.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns BIO tags into entity spans. Like conlleval, an {@code I-X} that does not continue an {@code X} span
 * (after {@code O} or another type) starts a new span, so gold files with such tags are read leniently.
 */
public final class EntitySpans {
    private EntitySpans() {
    }

    public static List<EntitySpan> of(String text, List<String> tags) {
        if (text.length() != tags.size()) {
            throw new IllegalArgumentException("text has " + text.length() + " chars but " + tags.size() + " tags");
        }
        List<EntitySpan> spans = new ArrayList<>();
        String type = null;
        int start = 0;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String tagType = tag.length() > 2 ? tag.substring(2) : null;
            boolean continues = type != null && tag.startsWith("I-") && type.equals(tagType);
            if (continues) {
                continue;
            }
            if (type != null) {
                spans.add(new EntitySpan(type, start, i, text.substring(start, i)));
                type = null;
            }
            if (tagType != null) {
                type = tagType;
                start = i;
            }
        }
        return spans;
    }
}
