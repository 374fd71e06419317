package io.newsflow.enrich.split;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts page lines into {@link Block}s at blank lines, and additionally after every byline and before every
 * {@code 本报讯}: an article may end and the next start without a blank line between them. Bylines the extraction
 * broke across lines are joined first, so that they close their article like any other.
 */
final class PageBlocks {
    static final String NEWS_OPENER = "本报讯";

    private final BylineParser bylines;

    PageBlocks(BylineParser bylines) {
        this.bylines = bylines;
    }

    List<Block> of(String pageText) {
        List<Block> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        String previous = null;
        // U+FEFF is not whitespace to strip(), yet a BOM or a stray one at a line start is layout, not text.
        List<String> lines = bylines.joinBroken(pageText.lines().map(raw -> raw.replace("\uFEFF", "")).toList());
        for (String line : lines) {
            if (line.isEmpty()) {
                flush(current, blocks);
                previous = line;
                continue;
            }
            if (line.startsWith(NEWS_OPENER)) {
                flush(current, blocks);
            }
            current.add(line);
            if (bylines.parse(line, previous).isPresent()) {
                flush(current, blocks);
            }
            previous = line;
        }
        flush(current, blocks);
        return blocks;
    }

    private static void flush(List<String> current, List<Block> blocks) {
        if (!current.isEmpty()) {
            blocks.add(new Block(current));
            current.clear();
        }
    }
}
