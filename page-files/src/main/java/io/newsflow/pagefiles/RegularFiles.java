package io.newsflow.pagefiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads files that anyone may have put into a folder: only regular files are opened (a symbolic link is never
 * followed, a FIFO or device never opened, since opening one can block for ever or never end), and never more
 * than a given number of bytes.
 */
public final class RegularFiles {
    private RegularFiles() {
    }

    /** The attributes of {@code file} itself (a link is not followed). */
    public static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code regular file}, {@code symbolic link}, {@code directory} or {@code FIFO, device or socket}. */
    public static String kind(BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return "regular file";
        }
        if (attributes.isSymbolicLink()) {
            return "symbolic link";
        }
        return attributes.isDirectory() ? "directory" : "FIFO, device or socket";
    }

    /**
     * The bytes of a regular file of at most {@code maxBytes}.
     *
     * @throws NotTextException {@link NotTextException.Reason#NOT_REGULAR_FILE} for anything but a regular file,
     *                          {@link NotTextException.Reason#TOO_LARGE} when it has (or grows to) more bytes
     */
    public static byte[] read(Path file, long maxBytes) throws IOException, NotTextException {
        BasicFileAttributes attributes = attributes(file);
        requireRegular(attributes);
        if (attributes.size() > maxBytes) {
            throw tooLarge(attributes.size(), maxBytes);
        }
        // NOFOLLOW_LINKS: a link put in its place since the look above is refused by the open itself
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new NotTextException(NotTextException.Reason.TOO_LARGE, "unknown",
                        "the file grew to more than the maximum of " + maxBytes + " bytes while it was read");
            }
            return bytes;
        }
    }

    /** @throws NotTextException {@link NotTextException.Reason#NOT_REGULAR_FILE} unless the attributes are a regular file's */
    public static void requireRegular(BasicFileAttributes attributes) throws NotTextException {
        if (!attributes.isRegularFile()) {
            throw new NotTextException(NotTextException.Reason.NOT_REGULAR_FILE, kind(attributes),
                    "a " + kind(attributes) + " is not a page file: it is not opened");
        }
    }

    private static NotTextException tooLarge(long size, long maxBytes) {
        return new NotTextException(NotTextException.Reason.TOO_LARGE, "unknown",
                "the file has " + size + " bytes, more than the maximum of " + maxBytes);
    }
}
