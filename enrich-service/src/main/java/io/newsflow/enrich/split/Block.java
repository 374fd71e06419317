package io.newsflow.enrich.split;

import java.util.List;

/** Consecutive non-blank lines of a page (stripped), as the blank lines of the extraction delimit them. */
record Block(List<String> lines) {
    Block {
        lines = List.copyOf(lines);
    }

    String first() {
        return lines.getFirst();
    }

    String last() {
        return lines.getLast();
    }

    boolean contains(String characters) {
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                if (characters.indexOf(line.charAt(i)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
