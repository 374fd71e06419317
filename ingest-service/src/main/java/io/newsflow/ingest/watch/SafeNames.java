package io.newsflow.ingest.watch;

import io.newsflow.pagefiles.PageFile;

import java.nio.charset.StandardCharsets;

/**
 * File names ingest may create. A name from the inbox is kept when it fits; one that is too long to take a suffix
 * ({@code .1}, {@code .error.json}) on a file system with 255-byte names is shortened to a prefix of it, a hash of
 * the whole name (so two long names stay apart) and its extension. Names from uploads are never used at all.
 */
public final class SafeNames {
    /** Longest file name in bytes on the usual Linux file systems (ext4, xfs, btrfs, tmpfs). */
    public static final int MAX_NAME_BYTES = 255;
    /** Room kept for what ingest appends to a name: {@code .99} before the extension and {@code .duplicate.json}. */
    static final int RESERVED_BYTES = 24;
    private static final int MAX_EXTENSION_BYTES = 16;

    private SafeNames() {
    }

    /** {@code name} itself when it and the reserved suffixes fit, else a shortened name that does. */
    public static String fitting(String name) {
        if (bytes(name) + RESERVED_BYTES <= MAX_NAME_BYTES && !hasControlCharacter(name)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && bytes(name.substring(dot)) <= MAX_EXTENSION_BYTES ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        String hash = "~" + PageFile.sha256(name.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        int room = MAX_NAME_BYTES - RESERVED_BYTES - bytes(hash) - bytes(extension);
        return withoutControlCharacters(prefix(stem, room)) + hash + withoutControlCharacters(extension);
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean hasControlCharacter(String name) {
        return name.chars().anyMatch(Character::isISOControl);
    }

    private static String withoutControlCharacters(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(c -> kept.appendCodePoint(Character.isISOControl(c) ? '_' : c));
        return kept.toString();
    }

    /** The longest prefix of {@code text} of at most {@code maxBytes} UTF-8 bytes, never splitting a character. */
    private static String prefix(String text, int maxBytes) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
