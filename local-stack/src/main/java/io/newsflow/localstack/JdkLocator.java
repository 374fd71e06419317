package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least {@link #REQUIRED_FEATURE} to run Elasticsearch, Kafka and the services with:
 * the running JVM, then {@code JAVA_HOME}, then the machine's JVM folder ({@code /usr/lib/jvm}), newest first.
 */
public final class JdkLocator {
    /** Elasticsearch 9 and the services need Java 21 or newer. */
    public static final int REQUIRED_FEATURE = 21;

    private JdkLocator() {
    }

    public static Path locate() {
        return find().orElseThrow(() -> new IllegalStateException(
                "newsflow needs a JDK " + REQUIRED_FEATURE + " or newer, and none was found: not the running JVM ("
                        + Runtime.version() + "), not JAVA_HOME (" + System.getenv("JAVA_HOME")
                        + "), not under /usr/lib/jvm. Install one (for example Debian's openjdk-21-jdk) or set JAVA_HOME to it."));
    }

    public static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        candidates.addAll(installedJvms(Path.of("/usr/lib/jvm")));
        return candidates.stream().filter(home -> featureVersion(home) >= REQUIRED_FEATURE).findFirst();
    }

    /** The feature version of the JDK at {@code home} from its {@code release} file, or 0 when it is not a JDK. */
    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return 0;
        }
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            props.load(in);
        } catch (IOException e) {
            return 0;
        }
        String version = props.getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            return Runtime.Version.parse(version).feature();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static List<Path> installedJvms(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(folder)) {
            return homes.filter(Files::isDirectory)
                    .sorted(Comparator.comparingInt(JdkLocator::featureVersion).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
