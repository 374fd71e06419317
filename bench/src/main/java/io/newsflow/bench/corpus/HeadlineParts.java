package io.newsflow.bench.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An article's headline as a reader sees it: kicker lines (引题) above the title, the title (主题, possibly set on
 * two lines) and subtitle lines (副题) below it.
 */
record HeadlineParts(List<String> kickers, List<String> titleLines, List<String> subtitles) {

    HeadlineParts {
        kickers = List.copyOf(kickers);
        titleLines = List.copyOf(titleLines);
        subtitles = List.copyOf(subtitles);
        if (titleLines.isEmpty()) {
            throw new IllegalArgumentException("a headline needs a title");
        }
    }

    /** The title as one line. */
    String title() {
        return String.join("", titleLines);
    }

    /** Kickers and subtitles in page order: what an article carries besides its title. */
    List<String> subheadlines() {
        return Stream.concat(kickers.stream(), subtitles.stream()).toList();
    }

    HeadlineParts map(UnaryOperator<String> line) {
        return new HeadlineParts(kickers.stream().map(line).toList(), titleLines.stream().map(line).toList(),
                subtitles.stream().map(line).toList());
    }

    /**
     * Reads the parts from an article's headline blocks in page order: the title is the shortest run of
     * consecutive lines of one block containing {@code titlePhrase}; what stands before it is kicker, after it
     * subtitle.
     */
    static HeadlineParts of(List<List<String>> blocks, String titlePhrase) {
        List<String> lines = new ArrayList<>();
        List<Integer> blockOf = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            for (String line : blocks.get(b)) {
                lines.add(line);
                blockOf.add(b);
            }
        }
        for (int from = 0; from < lines.size(); from++) {
            StringBuilder joined = new StringBuilder();
            for (int to = from; to < lines.size() && blockOf.get(to).equals(blockOf.get(from)); to++) {
                joined.append(lines.get(to));
                if (joined.toString().contains(titlePhrase)) {
                    return new HeadlineParts(lines.subList(0, from), lines.subList(from, to + 1),
                            lines.subList(to + 1, lines.size()));
                }
            }
        }
        throw new IllegalStateException("title " + titlePhrase + " not in the headline blocks " + blocks);
    }
}
