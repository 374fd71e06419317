package io.newsflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a page's issue date was read from, in the order ingest tries them. */
public enum IssueDateSource {
    FILENAME, FOLDER, SIDECAR, MTIME;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static IssueDateSource fromWireName(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
