package io.newsflow.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How large a service's log may grow: each service writes {@code logs/<service>.log} itself through Quarkus' rotating
 * file handler, at most {@code files} files of {@code maxFileSize} each (the current one and {@code files - 1} older,
 * {@code <service>.log.1} the newest of those). Set for {@code bin/newsflow up} by {@code NEWSFLOW_LOG_MAX_SIZE} and
 * {@code NEWSFLOW_LOG_FILES}.
 *
 * @param maxFileSize size at which the file is rotated, in Quarkus' form: {@code 10M}, {@code 512K}
 * @param files       files kept per service, the current one included; at least 2
 */
public record LogRotation(String maxFileSize, int files) {
    /** 10 MB x 5 files: 50 MB per service at most. */
    public static final LogRotation DEFAULT = new LogRotation("10M", 5);

    public LogRotation {
        if (!maxFileSize.matches("[1-9][0-9]*[KMGkmg]?")) {
            throw new IllegalArgumentException("NEWSFLOW_LOG_MAX_SIZE must be a size such as 10M, 512K or 1G, was '" + maxFileSize + "'");
        }
        if (files < 2) {
            throw new IllegalArgumentException("NEWSFLOW_LOG_FILES must be 2 or more (the current file and older ones), was " + files);
        }
        maxFileSize = maxFileSize.toUpperCase(Locale.ROOT);
    }

    /** From {@code NEWSFLOW_LOG_MAX_SIZE} and {@code NEWSFLOW_LOG_FILES}; the defaults for what is unset. */
    public static LogRotation fromEnvironment(Map<String, String> environment) {
        String size = environment.getOrDefault("NEWSFLOW_LOG_MAX_SIZE", "").strip();
        String files = environment.getOrDefault("NEWSFLOW_LOG_FILES", "").strip();
        int count;
        try {
            count = files.isEmpty() ? DEFAULT.files() : Integer.parseInt(files);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NEWSFLOW_LOG_FILES must be a whole number, was '" + files + "'");
        }
        return new LogRotation(size.isEmpty() ? DEFAULT.maxFileSize() : size, count);
    }

    /**
     * The system properties that make a Quarkus service write {@code logFile} with this rotation instead of logging to
     * its console: its lines look as they did on the console (the service's own console format), and a restart
     * continues the current file.
     */
    List<String> systemProperties(Path logFile) {
        return List.of(
                "-Dquarkus.log.console.enabled=false",
                "-Dquarkus.log.file.enabled=true",
                "-Dquarkus.log.file.path=" + logFile,
                "-Dquarkus.log.file.format=${quarkus.log.console.format}",
                "-Dquarkus.log.file.rotation.max-file-size=" + maxFileSize,
                "-Dquarkus.log.file.rotation.max-backup-index=" + (files - 1),
                "-Dquarkus.log.file.rotation.rotate-on-boot=false");
    }
}
