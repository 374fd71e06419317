package io.newsflow.enrich.split;

import io.newsflow.enrich.text.Sentences;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the byline that closes an article: reporters' names in full-width or half-width brackets at the end of
 * a line, separated by {@code 、} ({@code （高美梅、惠晓婧）}, {@code (王拓)}), after the article's last sentence.
 * A bracket after unfinished text is part of the sentence, even when the line happens to end there
 * ({@code 行动计划（讨论稿）}, {@code 党委（党组）}).
 */
public final class BylineParser {
    private static final Pattern BYLINE = Pattern.compile(
            "[（(]\\s*(\\p{IsHan}{2,4}(?:\\s*[、，,]\\s*\\p{IsHan}{2,4})*)\\s*[）)]\\s*$");

    /** A byline found at the end of a line: the names and where the byline starts in the line. */
    public record Byline(List<String> reporters, int start) {
    }

    /** A byline at the end of {@code line} with nothing before it on the page. */
    public Optional<Byline> parse(String line) {
        return parse(line, null);
    }

    /**
     * A byline at the end of {@code line}; {@code previousLine} is the page's line before it ({@code null} or blank
     * when there is none), which must end a sentence when the bracket opens the line.
     */
    public Optional<Byline> parse(String line, String previousLine) {
        String stripped = line.strip();
        Matcher matcher = BYLINE.matcher(stripped);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String before = stripped.substring(0, matcher.start()).strip();
        String sentence = before.isEmpty() && previousLine != null ? previousLine.strip() : before;
        if (!sentence.isEmpty() && !Sentences.endsSentence(sentence)) {
            return Optional.empty();
        }
        List<String> names = Arrays.stream(matcher.group(1).split("\\s*[、，,]\\s*")).map(String::strip).toList();
        return Optional.of(new Byline(names, matcher.start()));
    }
}
