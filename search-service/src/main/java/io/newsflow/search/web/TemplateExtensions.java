package io.newsflow.search.web;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers the templates call on values ({@code {name.urlEncoded}}). */
@TemplateExtension
public final class TemplateExtensions {
    private TemplateExtensions() {
    }

    /** The text as a query parameter value (percent-encoded UTF-8; the template still escapes the {@code &} of a link). */
    static String urlEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
