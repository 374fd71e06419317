package io.newsflow.search.web;

import io.newsflow.search.query.EntityKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An article's body as paragraphs of plain text and marked names: every occurrence of a person, place or
 * organisation the article names becomes a piece of its own, so the page can mark and link it. Longer names win
 * where names overlap ({@code 宜兴市} over {@code 宜兴}); the text is never parsed as markup, the template escapes it.
 */
public final class MarkedText {
    private MarkedText() {
    }

    /** A piece of a paragraph: plain text when {@code kind} is null, else a name of that kind. */
    public record Piece(String text, EntityKind kind) {
        public boolean isName() {
            return kind != null;
        }
    }

    public record Paragraph(List<Piece> pieces) {
    }

    /** The body's paragraphs (separated by line breaks), blank ones left out. */
    public static List<Paragraph> of(String body, Map<EntityKind, List<String>> names) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        List<Map.Entry<String, EntityKind>> byLength = new ArrayList<>();
        names.forEach((kind, values) -> values.stream().filter(v -> v != null && !v.isBlank())
                .forEach(v -> byLength.add(Map.entry(v, kind))));
        byLength.sort(Comparator.comparingInt((Map.Entry<String, EntityKind> e) -> e.getKey().length()).reversed());
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                paragraphs.add(new Paragraph(pieces(line.strip(), byLength)));
            }
        }
        return paragraphs;
    }

    private static List<Piece> pieces(String text, List<Map.Entry<String, EntityKind>> names) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            Map.Entry<String, EntityKind> found = null;
            for (Map.Entry<String, EntityKind> name : names) {
                if (text.startsWith(name.getKey(), i)) {
                    found = name;
                    break;
                }
            }
            if (found == null) {
                plain.append(text.charAt(i));
                i++;
                continue;
            }
            if (!plain.isEmpty()) {
                pieces.add(new Piece(plain.toString(), null));
                plain.setLength(0);
            }
            pieces.add(new Piece(found.getKey(), found.getValue()));
            i += found.getKey().length();
        }
        if (!plain.isEmpty()) {
            pieces.add(new Piece(plain.toString(), null));
        }
        return pieces;
    }
}
