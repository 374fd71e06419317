package io.newsflow.enrich.split;

import io.newsflow.enrich.headline.HeadlineMatcher;
import io.newsflow.enrich.text.LineJoiner;
import io.newsflow.enrich.text.Sentences;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Cuts a page into articles and gives each the headline block that belongs to it.
 * <ul>
 * <li>A news article starts at {@code 本报讯} and ends at its byline (or where the next one starts).</li>
 * <li>A byline is read even when the extraction broke it across lines ({@link BylineParser#joinBroken}).</li>
 * <li>Outside an article, a block with a sentence end starts a commentary (signed pieces have no {@code 本报讯}), and
 * so does a block of full column lines with clauses but no sentence end that prose continues: a column break
 * cut the commentary's first sentence.</li>
 * <li>Inside a piece, blocks without a sentence end after a finished sentence are held back: followed by more
 * prose they stay in the body (section heads, or fragments a column break cut off; a blank line inside a
 * sentence does not end it), followed by the next article or the page end they are headline candidates (a piece
 * without byline has no other end; headlines and subtitles may carry commas but never end a sentence).</li>
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
        return split(pageText, articles -> { });
    }

    /**
     * Splits the page; {@code cut} learns how many articles there are once the page is cut and before their
     * headlines are matched (the part whose work grows with articles times headline candidates), and may stop
     * the split by throwing.
     */
    public List<ArticleText> split(String pageText, IntConsumer cut) {
        Cutter cutter = new Cutter(LineJoiner.typicalWidth(pageText.lines().toList()));
        List<Block> blocks = pageBlocks.of(pageText);
        for (int i = 0; i < blocks.size(); i++) {
            cutter.accept(blocks.get(i), i + 1 < blocks.size() ? blocks.get(i + 1) : null);
        }
        cutter.finish();
        List<ArticleText> articles = cutter.articles;
        cut.accept(articles.size());
        List<List<String>> headlines = matcher.matchRuns(articles.stream().map(ArticleText::body).toList(), cutter.runs);
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
        final List<HeadlineMatcher.Run> runs = new ArrayList<>();
        private List<List<String>> run = new ArrayList<>();
        private State state = State.OUTSIDE;
        private final List<String> lines = new ArrayList<>();
        private final List<String> paragraphs = new ArrayList<>();
        private final List<Block> pendingHeads = new ArrayList<>();
        private final int width;

        Cutter(int width) {
            this.width = width;
        }

        /** Takes the next block of the page; {@code next} is the one after it ({@code null} at the page end). */
        void accept(Block block, Block next) {
            if (block.first().startsWith(PageBlocks.NEWS_OPENER)) {
                closeArticle(List.of());
                endRun();
                state = State.NEWS;
                addProse(block);
            } else if (state != State.OUTSIDE) {
                // A byline on its own has no sentence end either, but it closes the piece: never hold it back.
                boolean held = !HeadlineBlocks.isProse(block) && bylines.parse(block.first()).isEmpty();
                if (!pendingHeads.isEmpty() || lastLineEndsSentence() && held) {
                    if (held) {
                        pendingHeads.add(block);
                        return;
                    }
                    takePendingHeadsIntoBody();
                }
                addProse(block);
            } else if (HeadlineBlocks.isProse(block) || HeadlineBlocks.isColumnFragment(block, width)
                    && next != null && HeadlineBlocks.isProse(next) && !next.first().startsWith(PageBlocks.NEWS_OPENER)) {
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
                if (HeadlineBlocks.isHeadInProse(head) && HeadlineBlocks.isSectionHead(head, width)) {
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
                runs.add(new HeadlineMatcher.Run(articles.size(), run));
                run = new ArrayList<>();
            }
        }
    }
}
