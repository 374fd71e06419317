package io.newsflow.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

/**
 * {@code newsflow_cjk_bigram}: overlapping bigrams of CJK characters ({@code 市委书记} → {@code 市委 委书 书记}),
 * as Elasticsearch's {@code cjk_bigram} does, by wrapping Lucene's {@link CJKBigramFilter}.
 *
 * <p><b>Use it after the built-in {@code standard} tokenizer.</b> The Lucene filter only joins tokens
 * typed {@code <IDEOGRAPHIC>}, {@code <HIRAGANA>}, {@code <KATAKANA>} or {@code <HANGUL>} whose offsets
 * touch, which is exactly what the standard tokenizer emits for CJK text (one token per character).
 * After {@code newsflow_hanlp} or a whitespace-like tokenizer it passes tokens through unchanged. That is
 * why the bigram sub-field is {@code standard} + {@code newsflow_cjk_width} + {@code lowercase} + this filter:
 * it finds any two-character fragment, whatever HanLP made of the words around it.
 *
 * <p>Setting {@code output_unigrams} (default {@code false}) also emits the single characters, so that
 * one-character queries match too, at the cost of a bigger index.
 */
@NamedComponent("newsflow_cjk_bigram")
public class CjkBigramFilterFactory implements TokenFilterFactory {

    /** Settings of the filter definition in the index settings. */
    @AnalysisSettings
    public interface Settings {
        @BooleanSetting(path = "output_unigrams", defaultValue = false)
        boolean outputUnigrams();
    }

    private final boolean outputUnigrams;

    @Inject
    public CjkBigramFilterFactory(Settings settings) {
        this.outputUnigrams = settings.outputUnigrams();
    }

    @Override
    public TokenStream create(TokenStream input) {
        int scripts = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
        return new CJKBigramFilter(input, scripts, outputUnigrams);
    }
}
