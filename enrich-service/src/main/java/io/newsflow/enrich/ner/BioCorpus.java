package io.newsflow.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads character-per-line BIO files: {@code char<TAB or SPACE>tag}, a blank line ends a sentence.
 * The character may itself be a space only when a tab separates it from the tag.
 */
public final class BioCorpus {
    private BioCorpus() {
    }

    /** Reads a BIO file, gzip-compressed when its name ends with {@code .gz} (as the repository keeps them). */
    public static List<TaggedSentence> read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BIO file " + file, e);
        }
    }

    public static List<TaggedSentence> read(Reader source, String name) throws IOException {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        List<TaggedSentence> sentences = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<String> tags = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                flush(text, tags, sentences);
                continue;
            }
            int split = line.indexOf('\t', 1);
            if (split < 0) {
                split = line.indexOf(' ', 1);
            }
            if (split < 0) {
                throw new IllegalArgumentException(name + ":" + lineNumber + ": expected 'char<TAB>tag', got '" + line + "'");
            }
            String token = line.substring(0, split);
            String tag = line.substring(split + 1).strip();
            int tagIndex = BioTags.NAMES.indexOf(tag);
            if (tagIndex < 0) {
                throw new IllegalArgumentException(name + ":" + lineNumber + ": unknown BIO tag '" + tag + "'");
            }
            tag = BioTags.NAMES.get(tagIndex); // one shared String a tag: millions of characters are read for training
            if (token.length() != 1) {
                throw new IllegalArgumentException(name + ":" + lineNumber + ": expected one character, got '" + token + "'");
            }
            text.append(token);
            tags.add(tag);
        }
        flush(text, tags, sentences);
        return sentences;
    }

    public static List<TaggedSentence> readAll(List<Path> files) {
        List<TaggedSentence> all = new ArrayList<>();
        files.forEach(file -> all.addAll(read(file)));
        return all;
    }

    private static void flush(StringBuilder text, List<String> tags, List<TaggedSentence> sentences) {
        if (!tags.isEmpty()) {
            sentences.add(new TaggedSentence(text.toString(), tags));
            text.setLength(0);
            tags.clear();
        }
    }
}
