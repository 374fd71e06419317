package io.newsflow.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clone of the repository alone builds, tests and runs: no file of it may refer to a path outside the checkout,
 * such as a reference folder that happens to lie beside the developers' copy.
 */
class SelfContainedRepositoryTest {
    /** Build output, version control and binary data: not sources anyone reads paths from. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules");
    private static final Set<String> BINARY_SUFFIXES = Set.of(".gz", ".jar", ".zip", ".png", ".jpg", ".ico", ".bin");

    /** Built, not written out: this file must pass its own check. */
    private static final String UP = "..";
    private static final String REFERENCE_FOLDER = UP + "/shared";

    private final OutsideReferences references = new OutsideReferences(Repo.ROOT);

    @Test
    void noFileOfTheRepositoryRefersOutsideTheCheckout() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = sourceFiles();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            found.addAll(references.find(Repo.ROOT.relativize(file), text));
        }
        assertThat(files).as("files checked").hasSizeGreaterThan(100);
        assertThat(found).as("references out of the checkout").isEmpty();
    }

    @Test
    void findsTheReferenceFolderBesideTheCheckout() {
        assertThat(references.find(Path.of("pom.xml"),
                "<newsflow.shared>${maven.multiModuleProjectDirectory}/" + REFERENCE_FOLDER + "</newsflow.shared>")).hasSize(1);
        assertThat(references.find(Path.of("README.md"), "see " + REFERENCE_FOLDER + "/DESIGN.md")).hasSize(1);
        assertThat(references.find(Path.of("enrich-service/src/test/java/A.java"),
                "Path.of(System.getProperty(\"x\", \"" + UP + "/" + REFERENCE_FOLDER + "/samples\"))")).hasSize(1);
    }

    @Test
    void findsAnyOtherClimbOutOfTheCheckout() {
        assertThat(references.find(Path.of("enrich-service/pom.xml"), "<file>" + UP + "/" + UP + "/data/x.txt</file>")).hasSize(1);
        assertThat(references.find(Path.of("pom.xml"), "<dir>${maven.multiModuleProjectDirectory}/" + UP + "/other</dir>")).hasSize(1);
        assertThat(references.find(Path.of("bin/newsflow"), "cp \"$ROOT/" + UP + "/corpus/a.txt\" .")).hasSize(1);
        assertThat(references.find(Path.of("docs/x.md"), "[a](" + UP + "/" + UP + "/x.md)")).hasSize(1);
        assertThat(references.find(Path.of("x.txt"), Repo.ROOT.getParent() + "/elsewhere/file")).hasSize(1);
        assertThat(references.find(Path.of("a/T.java"), "name(\"" + REFERENCE_FOLDER + "/x\"); // " + OutsideReferences.HOSTILE_INPUT))
                .as("the marker never excuses the reference folder").hasSize(1);
    }

    @Test
    void acceptsPathsThatStayInside() {
        assertThat(references.find(Path.of("enrich-service/src/test/java/A.java"), "Path.of(\"../samples\")")).isEmpty();
        assertThat(references.find(Path.of("system-tests/pom.xml"), "<root>${project.basedir}/..</root>")).isEmpty();
        assertThat(references.find(Path.of("bin/newsflow"), "ROOT=\"$(cd \"$(dirname \"$0\")/..\" && pwd)\"")).isEmpty();
        assertThat(references.find(Path.of("docs/x.md"), "[README](../README.md), [data](../data/ner/README.md)")).isEmpty();
        assertThat(references.find(Path.of("README.md"), "JDK in /usr/lib/jvm, data in ./samples")).isEmpty();
        assertThat(references.find(Path.of("a/T.java"), "upload(\"" + UP + "/" + UP + "/evil.txt\"); // " + OutsideReferences.HOSTILE_INPUT)).isEmpty();
    }

    private static List<Path> sourceFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Repo.ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !inSkippedFolder(Repo.ROOT.relativize(file)))
                    .filter(file -> BINARY_SUFFIXES.stream().noneMatch(file.getFileName().toString()::endsWith))
                    .toList();
        }
    }

    private static boolean inSkippedFolder(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
