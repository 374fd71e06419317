package io.newsflow.enrich.split;

import io.newsflow.enrich.headline.HeadlineMatcher;
import io.newsflow.enrich.text.LineJoiner;
import io.newsflow.enrich.text.Sentences;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a page into articles and gives each the headline block that belongs to it.
 * <ul>
 * <li>A news article starts at {@code 本报讯} and ends at its byline (or where the next one starts).</li>
 * <li>Outside an article, a block with a sentence end starts a commentary (signed pieces have no {@code 本报讯}).</li>
 * <li>Inside a piece, blocks without sentence punctuation after a finished sentence are held back: followed by
 * more prose they stay in the body (section heads, or fragments a column break cut off), followed by the next
 * article or the page end they are headline candidates (a piece without byline has no other end).</li>
 * <li>All other blocks outside articles are headline candidates (kickers, titles, subtitles, labels); consecutive
 * ones form a run, and {@link HeadlineMatcher} decides by content which article, if any, each belongs to.</li>
 * </ul>
 */
public final class PageSplitter {
    private final LineJoiner joiner = new LineJoiner();
    private final BylineParser bylines = new BylineParser();
    private final PageBlocks pageBlocks = new PageBlocks(bylines);
    private final HeadlineMatcher matcher = new HeadlineMatcher();

    public List<ArticleText> split(String pageText) {
        Cutter cutter = new Cutter(LineJoiner.typicalWidth(pageText.lines().toList()));
        for (Block block : pageBlocks.of(pageText)) {
            cutter.accept(block);
        }
        cutter.finish();
        List<ArticleText> articles = cutter.articles;
        List<List<String>> headlines = matcher.match(articles.stream().map(ArticleText::body).toList(), cutter.runs);
        List<ArticleText> result = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            result.add(articles.get(i).withHeadlineLines(headlines.get(i)));
        }
        return result;
    }

    private enum State { OUTSIDE, NEWS, COMMENTARY }

    /** The state machine over the blocks of one page. */
    private final class Cutter {
        final List<ArticleText> articles = new ArrayList<>();
        /** Runs of headline candidate blocks, each block as its lines. */
        final List<List<List<String>>> runs = new ArrayList<>();
        private List<List<String>> run = new ArrayList<>();
        private State state = State.OUTSIDE;
        private final List<String> lines = new ArrayList<>();
        private final List<String> paragraphs = new ArrayList<>();
        private final List<Block> pendingHeads = new ArrayList<>();
        private final int width;

        Cutter(int width) {
            this.width = width;
        }

        void accept(Block block) {
            if (block.first().startsWith(PageBlocks.NEWS_OPENER)) {
                closeArticle(List.of());
                endRun();
                state = State.NEWS;
                addProse(block);
            } else if (state != State.OUTSIDE) {
                // A byline on its own has no punctuation either, but it closes the piece: never hold it back.
                boolean head = HeadlineBlocks.isHeadInProse(block) && bylines.parse(block.first()).isEmpty();
                if (!pendingHeads.isEmpty() || lastLineEndsSentence() && head) {
                    if (head) {
                        pendingHeads.add(block);
                        return;
                    }
                    takePendingHeadsIntoBody();
                }
                addProse(block);
            } else if (HeadlineBlocks.isProse(block)) {
                endRun();
                state = State.COMMENTARY;
                addProse(block);
            } else {
                run.add(block.lines());
            }
        }

        void finish() {
            closeArticle(List.of());
            endRun();
        }

        /**
         * Prose follows the heads, so they belong to this piece: section heads become paragraphs of their own;
         * a block filling the column to its end was a paragraph's first line cut off by a column break.
         */
        private void takePendingHeadsIntoBody() {
            for (Block head : pendingHeads) {
                if (HeadlineBlocks.isSectionHead(head, width)) {
                    flushLines();
                    paragraphs.add(String.join("", head.lines()));
                } else {
                    addProse(head);
                }
            }
            pendingHeads.clear();
        }

        private void addProse(Block block) {
            for (String line : block.lines()) {
                Optional<BylineParser.Byline> byline = bylines.parse(line, lastLine());
                if (byline.isPresent()) {
                    lines.add(line.substring(0, byline.get().start()));
                    closeArticle(byline.get().reporters());
                    return;
                }
                lines.add(line);
            }
            lines.add("");
        }

        /** The last non-blank line of the article so far, or null. */
        private String lastLine() {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i);
                }
            }
            return null;
        }

        private boolean lastLineEndsSentence() {
            String last = lastLine();
            return last != null && Sentences.endsSentence(last.strip());
        }

        private void flushLines() {
            paragraphs.addAll(joiner.paragraphs(lines));
            lines.clear();
        }

        private void closeArticle(List<String> reporters) {
            endRun();
            if (state != State.OUTSIDE) {
                flushLines();
                if (!paragraphs.isEmpty()) {
                    articles.add(new ArticleText(paragraphs, reporters));
                }
                // Heads after the last prose block of a piece are headline candidates, not section heads.
                pendingHeads.forEach(head -> run.add(head.lines()));
                pendingHeads.clear();
            }
            paragraphs.clear();
            lines.clear();
            state = State.OUTSIDE;
        }

        private void endRun() {
            if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
    }
}
