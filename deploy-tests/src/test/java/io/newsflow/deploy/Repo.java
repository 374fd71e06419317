package io.newsflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository under test: its root folder (system property {@code newsflow.root}) and values of the parent pom. */
final class Repo {
    static final Path ROOT = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        Path file = path(relative);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A property of the parent pom, such as {@code elasticsearch.version}. */
    static String pomProperty(String name) {
        return find("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">", "property " + name);
    }

    static String projectVersion() {
        return find("<artifactId>newsflow-parent</artifactId>\\s*<version>([^<]+)</version>", "project version");
    }

    private static String find(String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(read("pom.xml"));
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in " + path("pom.xml"));
        }
        return m.group(1).strip();
    }
}
