package io.newsflow.pagefiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's sample pages (UTF-8, as extracted from PDF) and pages made from their text in other charsets, so
 * that the decoder is tried on text whose right reading is known.
 */
final class SamplePages {
    private SamplePages() {
    }

    /** The text of every sample page. */
    static List<String> texts() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("newsflow.samples")))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().map(SamplePages::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} without the characters {@code charset} cannot encode (Simplified characters Big5 lacks). */
    static String representable(String text, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String character = Character.toString(c);
            if (encoder.canEncode(character)) {
                kept.append(character);
            }
        });
        return kept.toString();
    }

    /** The characters a reader sees when {@code bytes} are read as {@code charset}, saved again as UTF-8. */
    static byte[] misreadAndSavedAsUtf8(byte[] bytes, Charset charset) {
        return new String(bytes, charset).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
