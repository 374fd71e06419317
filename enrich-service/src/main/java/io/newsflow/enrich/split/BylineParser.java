package io.newsflow.enrich.split;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the byline that closes an article: reporters' names in full-width or half-width brackets at the end of
 * a line, separated by {@code 、} ({@code （高美梅、惠晓婧）}, {@code (王拓)}).
 */
public final class BylineParser {
    private static final Pattern BYLINE = Pattern.compile(
            "[（(]\\s*(\\p{IsHan}{2,4}(?:\\s*[、，,]\\s*\\p{IsHan}{2,4})*)\\s*[）)]\\s*$");

    /** A byline found at the end of a line: the names and where the byline starts in the line. */
    public record Byline(List<String> reporters, int start) {
    }

    public Optional<Byline> parse(String line) {
        Matcher matcher = BYLINE.matcher(line.strip());
        if (!matcher.find()) {
            return Optional.empty();
        }
        List<String> names = Arrays.stream(matcher.group(1).split("\\s*[、，,]\\s*")).map(String::strip).toList();
        return Optional.of(new Byline(names, matcher.start()));
    }
}
