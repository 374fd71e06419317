package io.newsflow.bench.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the sample pages apart along {@code manifest.json}: each article's paragraphs (wrapping and column breaks
 * healed), its headline blocks, the people and reporters named on the pages, and the labels ({@code 二泉月}).
 * Independent of the enrichment code on purpose: the generated pages are what that code is checked against.
 */
final class SampleReader {
    private static final Pattern DATELINE = Pattern.compile("^本报讯\\s*\\d{1,2}月\\d{1,2}日");
    private static final Pattern BYLINE = Pattern.compile("\\s*[（(]\\s*\\p{IsHan}{2,4}(?:\\s*、\\s*\\p{IsHan}{2,4})*\\s*[）)]\\s*$");
    /** A job title right before a name, the name followed by a list or clause separator. */
    private static final Pattern TITLED_NAME = Pattern.compile(
            "(?:书记|市长|省长|秘书长|部长|局长|院长|会长|委员|主任|总经理)(\\p{IsHan}{2,3})(?=[，、])");
    /** Section heads inside a commentary open with an ordinal: 一是, 二要, （三）, 第四. */
    private static final Pattern SECTION_HEAD =
            Pattern.compile("^(?:[一二三四五六七八九十]+[是要、]|[（(][一二三四五六七八九十\\d]+[)）]|第[一二三四五六七八九十]+)");
    private static final String SENTENCE_END = "。！？";
    private static final String PUNCTUATION = "。！？，、；：";

    /** What the samples yield. */
    record Samples(List<SourceArticle> articles, List<String> persons, List<String> reporters, List<String> labels) {
    }

    private final List<SourceArticle> articles = new ArrayList<>();
    private final Set<String> persons = new LinkedHashSet<>();
    private final Set<String> reporters = new LinkedHashSet<>();
    private final Set<String> labels = new LinkedHashSet<>();

    static Samples read(Path samples) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(samples.resolve("manifest.json").toFile()).path("files");
        SampleReader reader = new SampleReader();
        for (Map.Entry<String, JsonNode> file : manifest.properties()) {
            String text = Files.readString(samples.resolve(file.getKey()), StandardCharsets.UTF_8);
            reader.page(file.getKey(), text, file.getValue().path("articles"));
        }
        if (reader.articles.isEmpty()) {
            throw new IOException("no articles in " + samples.resolve("manifest.json"));
        }
        return new Samples(List.copyOf(reader.articles), List.copyOf(reader.persons), List.copyOf(reader.reporters),
                List.copyOf(reader.labels));
    }

    private void page(String sample, String text, JsonNode expected) {
        List<String> lines = text.lines().map(line -> line.replace("\uFEFF", "").strip()).toList();
        int count = expected.size();
        int[] starts = new int[count];
        int[] ends = new int[count];
        for (int i = 0; i < count; i++) {
            JsonNode want = expected.get(i);
            starts[i] = lineOf(lines, want.path("bodyStartsWith").asText(), i == 0 ? 0 : ends[i - 1] + 1);
            boolean news = !want.path("reporters").isEmpty();
            ends[i] = news ? bylineLine(lines, starts[i]) : lastProseLine(lines, starts[i]);
            want.path("personsInclude").forEach(name -> persons.add(name.asText()));
            want.path("reporters").forEach(name -> reporters.add(name.asText()));
        }
        List<List<List<String>>> headlines = headlines(lines, starts, ends, expected);
        for (int i = 0; i < count; i++) {
            JsonNode want = expected.get(i);
            List<String> paragraphs = paragraphs(lines.subList(starts[i], ends[i] + 1));
            Matcher titled = TITLED_NAME.matcher(String.join("", paragraphs));
            while (titled.find()) {
                persons.add(titled.group(1));
            }
            boolean news = !want.path("reporters").isEmpty();
            String lead = news ? DATELINE.matcher(paragraphs.getFirst()).replaceFirst("") : paragraphs.getFirst();
            articles.add(new SourceArticle(sample, news, lead, List.copyOf(paragraphs.subList(1, paragraphs.size())),
                    HeadlineParts.of(headlines.get(i), want.path("headlineContains").asText())));
        }
    }

    /** The line where the text starting with {@code bodyStart} begins (lines re-joined without separators). */
    private static int lineOf(List<String> lines, String bodyStart, int from) {
        for (int i = from; i < lines.size(); i++) {
            StringBuilder joined = new StringBuilder();
            for (int j = i; j < lines.size() && joined.length() < bodyStart.length(); j++) {
                joined.append(lines.get(j));
            }
            if (!lines.get(i).isEmpty() && joined.toString().startsWith(bodyStart)) {
                return i;
            }
        }
        throw new IllegalStateException("manifest body start not found in the sample: " + bodyStart);
    }

    private static int bylineLine(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (BYLINE.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        throw new IllegalStateException("no byline after line " + from);
    }

    /** End of a piece without byline: the last line of its last block with punctuation before the page's end. */
    private static int lastProseLine(List<String> lines, int from) {
        int last = from;
        for (int i = from; i < lines.size(); i++) {
            if (i > from && lines.get(i).startsWith("本报讯")) {
                break;
            }
            if (containsAny(lines.get(i), PUNCTUATION)) {
                last = i;
                while (last + 1 < lines.size() && !lines.get(last + 1).isEmpty()) {
                    last++;
                }
            }
        }
        return last;
    }

    /**
     * Headline blocks of each article: blocks outside the articles that contain an article's title; a block
     * without a title belongs to the nearest titled block of the same run (a kicker before it, a subtitle
     * after it); a run without titles holds labels.
     */
    private List<List<List<String>>> headlines(List<String> lines, int[] starts, int[] ends, JsonNode expected) {
        List<List<List<String>>> result = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            result.add(new ArrayList<>());
        }
        int from = 0;
        for (int piece = 0; piece <= starts.length; piece++) {
            int to = piece < starts.length ? starts[piece] : lines.size();
            List<List<String>> blocks = blocks(lines.subList(from, to));
            int[] owner = new int[blocks.size()];
            for (int b = 0; b < blocks.size(); b++) {
                owner[b] = -1;
                String joined = String.join("", blocks.get(b));
                for (int a = 0; a < expected.size(); a++) {
                    if (joined.contains(expected.get(a).path("headlineContains").asText())) {
                        owner[b] = a;
                    }
                }
            }
            for (int b = 0; b < blocks.size(); b++) {
                int article = owner[b];
                for (int other = b - 1; article < 0 && other >= 0; other--) {
                    article = owner[other];
                }
                for (int other = b + 1; article < 0 && other < blocks.size(); other++) {
                    article = owner[other];
                }
                if (article < 0) {
                    labels.add(String.join("", blocks.get(b)));
                } else {
                    result.get(article).add(blocks.get(b));
                }
            }
            from = piece < starts.length ? ends[piece] + 1 : lines.size();
        }
        return result;
    }

    private static List<List<String>> blocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    blocks.add(List.copyOf(current));
                    current.clear();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(List.copyOf(current));
        }
        return blocks;
    }

    /**
     * Paragraphs of a piece: wrapped lines joined; a paragraph ends at a sentence end followed by a blank line or
     * at a short line ending a sentence; a block opening with an ordinal and without punctuation, after a
     * finished sentence, is a section head. The byline is dropped.
     */
    private static List<String> paragraphs(List<String> lines) {
        int width = (int) lines.stream().filter(line -> !line.isEmpty()).mapToInt(String::length).average().orElse(15);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (List<String> block : blocks(lines)) {
            block = block.stream().map(line -> BYLINE.matcher(line).replaceFirst("")).filter(line -> !line.isEmpty())
                    .toList();
            if (block.isEmpty()) {
                continue;
            }
            if (SECTION_HEAD.matcher(block.getFirst()).find() && block.stream().noneMatch(line -> containsAny(line, PUNCTUATION))
                    && current.isEmpty() && !paragraphs.isEmpty()) {
                flush(current, paragraphs);
                paragraphs.add(SourceArticle.HEAD_MARK + String.join("", block));
                continue;
            }
            for (String line : block) {
                current.append(line);
                if (endsSentence(current) && line.length() < width - 1) {
                    flush(current, paragraphs);
                }
            }
            if (endsSentence(current)) {
                flush(current, paragraphs);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    private static boolean endsSentence(CharSequence text) {
        int end = text.length() - 1;
        while (end >= 0 && "”’」』\"".indexOf(text.charAt(end)) >= 0) {
            end--;
        }
        return end >= 0 && SENTENCE_END.indexOf(text.charAt(end)) >= 0;
    }

    private static boolean containsAny(String line, String characters) {
        return line.chars().anyMatch(c -> characters.indexOf(c) >= 0);
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        String paragraph = current.toString().strip();
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        current.setLength(0);
    }
}
