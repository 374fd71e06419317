package io.newsflow.ingest.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsflow.model.NewsJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON notes written beside a file in {@code failed/} or {@code archive/}. */
public final class FileReports {
    private FileReports() {
    }

    /** The content of {@code <name>.error.json}: why the file {@code failedName} was refused. */
    public static byte[] error(String failedName, String reason, String message, long sizeBytes, String detectedType,
                        Path originalPath, Instant at) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", failedName);
        report.put("originalPath", originalPath.toString());
        report.put("originalName", originalPath.getFileName().toString());
        report.put("reason", reason);
        report.put("message", message);
        report.put("sizeBytes", sizeBytes);
        report.put("detectedType", detectedType);
        report.put("time", at.toString());
        try {
            return NewsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }

    /** {@code <name>.duplicate.json}: the content had been published before, under another name perhaps. */
    static Path writeDuplicate(Path archivedFile, String sha256, String firstFileName, Instant at) throws IOException {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("file", archivedFile.getFileName().toString());
        note.put("duplicate", true);
        note.put("sha256", sha256);
        note.put("firstPublishedAs", firstFileName);
        note.put("time", at.toString());
        return write(archivedFile.resolveSibling(archivedFile.getFileName() + ".duplicate.json"), note);
    }

    private static Path write(Path target, Map<String, Object> content) throws IOException {
        return Files.write(target, NewsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
    }
}
