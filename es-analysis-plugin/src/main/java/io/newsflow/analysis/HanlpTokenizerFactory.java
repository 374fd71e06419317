package io.newsflow.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * {@code newsflow_hanlp}: Chinese word segmentation with HanLP's standard segmenter, with character
 * offsets into the original text. Use it for both indexing and searching so both sides agree.
 *
 * <p>HanLP keeps its dictionaries in static state shared by every tokenizer of this plugin, so local
 * names can later be added at start-up with {@code CustomDictionary.insert(word, "nr 1")} (a settings
 * hook pointing at a names file under the node's config folder, plus an entitlement policy granting
 * read access to it). Do not hand HanLP a custom dictionary path instead: that replaces its default one.
 */
@NamedComponent("newsflow_hanlp")
public class HanlpTokenizerFactory implements TokenizerFactory {

    public HanlpTokenizerFactory() {}

    @Override
    public Tokenizer create() {
        return new HanlpTokenizer();
    }
}
