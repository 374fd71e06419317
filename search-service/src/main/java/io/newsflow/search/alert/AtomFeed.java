package io.newsflow.search.alert;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The Atom 1.0 feed (RFC 4287) of a saved search: one entry per hit, newest first, each linking to the article's web
 * page. Entry ids are the hits' delivery ids, stable across restarts, so a feed reader shows each hit once.
 */
final class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    /** @param base the public address of the service ("" for links relative to the feed's own) */
    static String of(SavedSearch search, List<AlertHit> hits, String base) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", "urn:newsflow:saved-search:" + search.id());
            text(xml, "title", "newsflow: " + search.name());
            Instant updated = hits.isEmpty() ? search.updatedAt() : hits.getFirst().matchedAt();
            text(xml, "updated", updated.toString());
            xml.writeStartElement("author");
            text(xml, "name", "newsflow");
            xml.writeEndElement();
            link(xml, "self", base + "/api/saved-searches/" + search.id() + "/feed.atom?token=" + search.feedToken());
            for (AlertHit hit : hits) {
                xml.writeStartElement("entry");
                text(xml, "id", "urn:newsflow:hit:" + hit.deliveryId());
                text(xml, "title", hit.headline() == null || hit.headline().isBlank() ? hit.articleId() : hit.headline());
                link(xml, "alternate", base + "/articles/" + URLEncoder.encode(hit.articleId(), StandardCharsets.UTF_8));
                text(xml, "updated", hit.matchedAt().toString());
                if (hit.eventDate() != null) {
                    text(xml, "published", hit.eventDate() + "T00:00:00Z");
                }
                if (hit.lead() != null && !hit.lead().isBlank()) {
                    text(xml, "summary", hit.lead());
                }
                for (String word : hit.matched()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", word);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    /** XML 1.0 cannot carry most control characters, which a page's text may hold; they are dropped. */
    private static String clean(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        value.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
