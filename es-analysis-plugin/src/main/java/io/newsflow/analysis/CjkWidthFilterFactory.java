package io.newsflow.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code newsflow_cjk_width}: folds full-width ASCII to half-width and half-width katakana to full-width,
 * as Elasticsearch's {@code cjk_width} does; that filter lives in the analysis-common module, which the
 * integ-test distribution lacks. Lucene's {@link CJKWidthFilter} is in lucene-analysis-common, which
 * is in the distribution's lib and visible to stable plugins, so it is wrapped rather than copied.
 */
@NamedComponent("newsflow_cjk_width")
public class CjkWidthFilterFactory implements TokenFilterFactory {

    public CjkWidthFilterFactory() {}

    @Override
    public TokenStream create(TokenStream input) {
        return new CJKWidthFilter(input);
    }

    /** Width folding is a normalisation: apply it to keyword normalizers and wildcard/prefix terms too. */
    @Override
    public TokenStream normalize(TokenStream input) {
        return create(input);
    }
}
