package io.newsflow.analysis;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two analyzers of the article index as plain Lucene analyzers, for code that must analyse text exactly as
 * the node does outside of it (search-service matches new articles against saved searches in memory).
 *
 * <p>They are built from the same classes as the plugin's components, in the order the index settings chain them
 * ({@code news-articles-index.json}): {@code newsflow_text} = {@code newsflow_hanlp} + {@code newsflow_cjk_width}
 * + {@code lowercase}; {@code newsflow_bigram} = {@code standard} + {@code newsflow_cjk_width} + {@code lowercase}
 * + {@code newsflow_cjk_bigram}. Like Elasticsearch's text fields they leave a position gap of
 * {@value #POSITION_INCREMENT_GAP} between the values of a multi-valued field (no phrase spans two values), and
 * normalise prefix and fuzzy terms with the width and lowercase filters only, as Elasticsearch's normalizer chain
 * of a custom analyzer does.
 */
public final class NewsflowAnalyzers {
    /** Elasticsearch's default {@code position_increment_gap} of a text field. */
    public static final int POSITION_INCREMENT_GAP = 100;

    private NewsflowAnalyzers() {}

    /** {@code newsflow_text}: HanLP words, width-folded, lowercased. */
    public static Analyzer text() {
        return new ChainAnalyzer(false);
    }

    /** {@code newsflow_bigram}: overlapping CJK bigrams of the standard tokenizer's characters. */
    public static Analyzer bigram() {
        return new ChainAnalyzer(true);
    }

    /**
     * Adds a names file to HanLP's dictionary (once per file and process), as the plugin does on a node with its
     * {@code names.txt}: a process that analyses text must load the same file for its words to equal the node's.
     *
     * @return names added by this call, 0 when the file was loaded before
     */
    public static int loadNames(Path namesFile) throws IOException {
        return NamesDictionary.load(namesFile);
    }

    private static final class ChainAnalyzer extends Analyzer {
        private final boolean bigrams;

        ChainAnalyzer(boolean bigrams) {
            this.bigrams = bigrams;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = bigrams ? new StandardTokenizer() : new HanlpTokenizer();
            TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(tokenizer));
            if (bigrams) {
                int scripts = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
                stream = new CJKBigramFilter(stream, scripts, false);
            }
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return POSITION_INCREMENT_GAP;
        }
    }
}
