package io.newsflow.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * {@code newsflow_hanlp}: Chinese word segmentation with HanLP's standard segmenter, with character
 * offsets into the original text. Use it for both indexing and searching so both sides agree.
 *
 * <p>Before the first tokenizer of a node is made, the newsflow names dictionary
 * ({@code <ES config>/newsflow-analysis/names.txt}, see {@link NamesDictionary}) is added to HanLP, so
 * local names stay one token. HanLP keeps its dictionaries in static state shared by every tokenizer, so
 * the names apply node-wide.
 *
 * <p>Setting {@code names_path} (optional) names one more file of the same format, relative to that
 * {@code newsflow-analysis} folder; it too is loaded once per node and then applies to every
 * {@code newsflow_hanlp} tokenizer of the node, not only to this one.
 */
@NamedComponent("newsflow_hanlp")
public class HanlpTokenizerFactory implements TokenizerFactory {

    /** Settings of the tokenizer definition in the index settings. */
    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "names_path", defaultValue = "")
        String namesPath();
    }

    @Inject
    public HanlpTokenizerFactory(Settings settings) {
        NamesDictionary.loadNodeFile();
        String namesPath = settings.namesPath();
        if (namesPath != null && !namesPath.isBlank()) {
            NamesDictionary.loadTokenizerFile(namesPath.strip());
        }
    }

    @Override
    public Tokenizer create() {
        return new HanlpTokenizer();
    }
}
