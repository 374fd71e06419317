package io.newsflow.enrich.split;

import io.newsflow.enrich.text.Sentences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the byline that closes an article: reporters' names in full-width, half-width or lenticular brackets at
 * the end of a line, separated by {@code 、} ({@code （高美梅、惠晓婧）}, {@code (王拓)}, {@code 【陈菁菁】}), after
 * the article's last sentence. A bracket after unfinished text is part of the sentence, even when the line
 * happens to end there ({@code 行动计划（讨论稿）}, {@code 党委（党组）}).
 */
public final class BylineParser {
    private static final String NAME = "\\p{IsHan}{2,4}";
    private static final String SEPARATOR = "\\s*[、，,]\\s*";
    private static final Pattern BYLINE = Pattern.compile(
            "[（(【]\\s*(" + NAME + "(?:" + SEPARATOR + NAME + ")*)\\s*[）)】]\\s*$");
    /** The first part of a broken byline at a line's end: the opening bracket, perhaps some names and a separator. */
    private static final Pattern OPENED = Pattern.compile("[（(【]\\s*(?:" + NAME + SEPARATOR + ")*$");
    /** The rest of a broken byline, a line of its own: names and the closing bracket. */
    private static final Pattern CLOSED = Pattern.compile(
            "^" + NAME + "(?:" + SEPARATOR + NAME + ")*\\s*[）)】]$");

    /** A byline found at the end of a line: the names and where the byline starts in the line. */
    public record Byline(List<String> reporters, int start) {
    }

    /**
     * The lines (stripped) with every byline that the extraction broke across lines put back on one line: an
     * opening bracket (and perhaps the first names) left at the end of a line after a finished sentence, the
     * remaining names and the closing bracket on the next line, a column break's blank lines perhaps between.
     */
    public List<String> joinBroken(List<String> lines) {
        List<String> joined = new ArrayList<>(lines.size());
        String previous = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int next = i + 1;
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            if (next < lines.size() && opensByline(line, previous) && CLOSED.matcher(lines.get(next).strip()).matches()) {
                line = line + lines.get(next).strip();
                i = next;
            }
            joined.add(line);
            if (!line.isEmpty()) {
                previous = line;
            }
        }
        return joined;
    }

    private static boolean opensByline(String line, String previousLine) {
        Matcher opened = OPENED.matcher(line);
        return opened.find() && afterFinishedSentence(line.substring(0, opened.start()).strip(), previousLine);
    }

    /** Whether text before a bracket, or else the line before, ends a sentence (or there is nothing before it). */
    private static boolean afterFinishedSentence(String before, String previousLine) {
        String sentence = before.isEmpty() && previousLine != null ? previousLine.strip() : before;
        return sentence.isEmpty() || Sentences.endsSentence(sentence);
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
        if (!afterFinishedSentence(stripped.substring(0, matcher.start()).strip(), previousLine)) {
            return Optional.empty();
        }
        List<String> names = Arrays.stream(matcher.group(1).split("\\s*[、，,]\\s*")).map(String::strip).toList();
        return Optional.of(new Byline(names, matcher.start()));
    }
}
