package io.newsflow.ingest.watch;

import io.newsflow.ingest.config.IngestConfig;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Optional;

/** The folders of ingest and the moves between them; every move is an atomic rename on one file system. */
public final class InboxFolders {
    private final IngestConfig config;

    public InboxFolders(IngestConfig config) {
        this.config = config;
    }

    public void create() throws IOException {
        for (Path folder : new Path[]{config.inbox(), config.processing(), config.archive(), config.failed()}) {
            Files.createDirectories(folder);
        }
    }

    /**
     * Claims a file of the inbox by renaming it into the processing folder. Empty when another instance claimed it first.
     */
    public Optional<Path> claim(Path inboxFile) throws IOException {
        Path claimed = config.processing().resolve(inboxFile.getFileName());
        try {
            Files.move(inboxFile, claimed, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(claimed);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Puts a claimed file back into the inbox, to be tried again. */
    public Path release(Path claimed) throws IOException {
        return moveWithoutOverwrite(claimed, config.inbox());
    }

    /** Moves a published file to {@code archive/yyyy/MM/dd/}. */
    public Path archive(Path claimed, LocalDate day) throws IOException {
        Path folder = config.archive().resolve("%04d/%02d/%02d".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
        Files.createDirectories(folder);
        return moveWithoutOverwrite(claimed, folder);
    }

    /** Moves a file that cannot be ingested to the failed folder. */
    public Path fail(Path claimed) throws IOException {
        return moveWithoutOverwrite(claimed, config.failed());
    }

    /** Files left in the processing folder by a stopped instance go back to the inbox. */
    public void recoverClaimed() throws IOException {
        try (var leftovers = Files.list(config.processing())) {
            for (Path file : leftovers.filter(Files::isRegularFile).toList()) {
                release(file);
            }
        }
    }

    /** Renames into {@code folder}, adding {@code .1}, {@code .2} … before the extension when the name is taken. */
    private static Path moveWithoutOverwrite(Path file, Path folder) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int attempt = 0; ; attempt++) {
            Path target = folder.resolve(attempt == 0 ? name : stem + "." + attempt + extension);
            if (Files.exists(target)) {
                continue;
            }
            try {
                return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // taken between the check and the move: try the next name
            }
        }
    }
}
