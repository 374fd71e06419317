package io.newsflow.enrich.ner;

/** A named entity: type (PER, LOC, ORG), character offsets [start, end) and its text. */
public record EntitySpan(String type, int start, int end, String text) {
}
