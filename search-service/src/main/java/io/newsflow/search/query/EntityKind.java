package io.newsflow.search.query;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of named entity an entity page and {@code /api/entities/{type}/{name}} describe, named like the search
 * parameters that filter by them ({@code person}, {@code place}, {@code org}).
 */
public enum EntityKind {
    PERSON("person", Facet.PERSONS),
    PLACE("place", Facet.PLACES),
    ORG("org", Facet.ORGANIZATIONS);

    private final String parameter;
    private final Facet facet;

    EntityKind(String parameter, Facet facet) {
        this.parameter = parameter;
        this.facet = facet;
    }

    /** The path segment and search parameter naming this kind. */
    public String parameter() {
        return parameter;
    }

    /** The keyword field and aggregation of this kind. */
    public Facet facet() {
        return facet;
    }

    /** The kind a path segment names ({@code person}, {@code place} or {@code org}, as written). */
    public static EntityKind parse(String value) {
        for (EntityKind kind : values()) {
            if (kind.parameter.equals(value)) {
                return kind;
            }
        }
        String known = Arrays.stream(values()).map(EntityKind::parameter).collect(Collectors.joining(" | "));
        throw new InvalidQueryException("type must be one of " + known + ", was \""
                + QueryParameters.shortened(String.valueOf(value)) + "\"");
    }
}
