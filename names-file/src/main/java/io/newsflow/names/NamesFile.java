package io.newsflow.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names dictionary ({@code config/names.txt}) in HanLP custom-dictionary style: UTF-8, one entry per line
 * {@code word nature [frequency]}, separated by white space (ideographic spaces too); {@code nature} is
 * {@code nr} (person), {@code ns} (place), {@code nt} (organisation) or {@code nz} (other proper noun); the
 * frequency is a positive whole number, {@value #DEFAULT_FREQUENCY} when absent. Lines starting with {@code #} are
 * comments, blank lines are ignored, a byte-order mark at the start is dropped. A malformed line is skipped and
 * reported with its line number, so one typo never costs the other names.
 *
 * <p>The only parser of the file: the enrichment and the index analyzer must agree on every line.
 */
public final class NamesFile {

    public static final int DEFAULT_FREQUENCY = 1000;
    public static final Set<String> NATURES = Set.of("nr", "ns", "nt", "nz");

    private static final Pattern FIELD_SEPARATOR = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    /** One name: what HanLP's {@code CustomDictionary.insert(word, natureWithFrequency())} takes. */
    public record Entry(String word, String nature, int frequency) {
        public String natureWithFrequency() {
            return nature + " " + frequency;
        }
    }

    /** The entries of a file and one message per skipped line ({@code line 7: …}). */
    public record Parsed(List<Entry> entries, List<String> problems) {}

    private NamesFile() {}

    /** Parses a whole file's text. */
    public static Parsed parse(String content) {
        return parse(List.of(LINE_BREAK.split(content, -1)));
    }

    /** Parses a file's lines, line numbers counting from 1. */
    public static Parsed parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // written by some Windows editors
            }
            line = line.strip().replaceAll("^\\u3000+|\\u3000+$", "");
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String problem = parseLine(line, entries);
            if (problem != null) {
                problems.add("line " + (i + 1) + ": " + problem + " (" + line + ")");
            }
        }
        return new Parsed(List.copyOf(entries), List.copyOf(problems));
    }

    /** Adds the line's entry, or returns why it is malformed. */
    private static String parseLine(String line, List<Entry> entries) {
        String[] fields = FIELD_SEPARATOR.split(line);
        if (fields.length < 2 || fields.length > 3) {
            return "expected 'word nature [frequency]'";
        }
        String nature = fields[1];
        if (!NATURES.contains(nature)) {
            return "nature must be one of nr, ns, nt, nz, not '" + nature + "'";
        }
        int frequency = DEFAULT_FREQUENCY;
        if (fields.length == 3) {
            try {
                frequency = Integer.parseInt(fields[2]);
            } catch (NumberFormatException e) {
                frequency = -1;
            }
            if (frequency <= 0) {
                return "frequency must be a positive whole number, not '" + fields[2] + "'";
            }
        }
        entries.add(new Entry(fields[0], nature, frequency));
        return null;
    }
}
