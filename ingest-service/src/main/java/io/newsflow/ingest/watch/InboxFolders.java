package io.newsflow.ingest.watch;

import io.newsflow.ingest.config.IngestConfig;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folders of ingest and the moves between them. Every move is a rename on one file system, so a file is
 * always in exactly one place: inbox, this instance's processing folder, archive or failed.
 */
public final class InboxFolders {
    private final IngestConfig config;
    private final Path claims;

    public InboxFolders(IngestConfig config, String instanceId) {
        this.config = config;
        this.claims = config.processing().resolve(instanceId);
    }

    /**
     * Creates the folders that are missing. An inbox that exists but is no folder is left as it is: the scan reports
     * it (readiness goes down) rather than the service failing to start or anything being moved.
     */
    public void create() throws IOException {
        if (!Files.exists(config.inbox(), LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(config.inbox());
        }
        for (Path folder : List.of(claims, config.archive(), config.failed(), config.state())) {
            Files.createDirectories(folder);
        }
    }

    /**
     * Claims a file of the inbox by renaming it into a new folder of this instance's processing folder; its sidecar
     * follows it. Empty when another instance renamed it first: a rename of a file that is gone fails.
     */
    public Optional<ClaimedFile> claim(Path inboxFile) throws IOException {
        Path relative = config.inbox().relativize(inboxFile);
        Path claimDir = claims.resolve(UUID.randomUUID().toString());
        Path claimed = claimDir.resolve(relative.getFileName());
        Files.createDirectories(claimDir);
        try {
            Files.move(inboxFile, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            Files.deleteIfExists(claimDir);
            return Optional.empty();
        }
        // written exactly (no line end): a name may end in white space or hold a line break
        Files.writeString(claimDir.resolve(".origin"), relative.toString());
        Optional<Path> sidecar = Optional.empty();
        for (Path candidate : sidecarCandidates(inboxFile)) {
            if (SafeNames.bytes(candidate.getFileName().toString()) > SafeNames.MAX_NAME_BYTES) {
                continue; // a 255-byte page name has no room for ".json": no sidecar can have that name
            }
            try {
                sidecar = Optional.of(Files.move(candidate, claimDir.resolve(candidate.getFileName()), StandardCopyOption.ATOMIC_MOVE));
                break;
            } catch (NoSuchFileException e) {
                // no sidecar of that form
            }
        }
        return Optional.of(new ClaimedFile(claimDir, claimed, relative, sidecar));
    }

    /** Puts a claimed file (and its sidecar) back where it was in the inbox, to be tried again. */
    public Path release(ClaimedFile claim) throws IOException {
        Path folder = config.inbox().resolve(claim.relativePath()).getParent();
        Files.createDirectories(folder);
        Path back = moveWithoutOverwrite(claim.file(), folder, true);
        moveSidecar(claim, folder, true);
        removeClaim(claim);
        return back;
    }

    /** Moves a published (or duplicate) file to {@code archive/yyyy/MM/dd/}. */
    public Path archive(ClaimedFile claim, LocalDate day) throws IOException {
        Path folder = config.archive().resolve("%04d/%02d/%02d".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
        Files.createDirectories(folder);
        Path archived = moveWithoutOverwrite(claim.file(), folder, false);
        moveSidecar(claim, folder, false);
        removeClaim(claim);
        return archived;
    }

    /**
     * Moves the claimed file to {@code failed/} with its report {@code <name>.error.json} beside it; the report,
     * made from the file's final name, is complete before the file appears, so whoever sees the file finds why.
     */
    public Path fail(ClaimedFile claim, Function<String, byte[]> report) throws IOException {
        Path failed = moveWithNote(claim.file(), config.failed(), ".error.json", report);
        moveSidecar(claim, config.failed(), false);
        removeClaim(claim);
        return failed;
    }

    /**
     * Moves a file that could not even be claimed (its claim failed other than by another instance taking it)
     * straight from the inbox to {@code failed/}, under a name that fits, with its report.
     */
    public Path failUnclaimed(Path inboxFile, Function<String, byte[]> report) throws IOException {
        return moveWithNote(inboxFile, config.failed(), ".error.json", report);
    }

    /** Claims this instance left unfinished (it stopped or crashed) go back to the inbox. */
    public int recoverClaims() throws IOException {
        List<Path> claimDirs;
        try (Stream<Path> dirs = Files.list(claims)) {
            claimDirs = dirs.filter(Files::isDirectory).toList();
        }
        int recovered = 0;
        for (Path claimDir : claimDirs) {
            Path origin = claimDir.resolve(".origin");
            if (!Files.exists(origin)) {
                removeEmpty(claimDir); // crashed between creating the folder and the rename: nothing was claimed
                continue;
            }
            Path relative = Path.of(Files.readString(origin));
            Path file = claimDir.resolve(relative.getFileName());
            // NOFOLLOW: a claimed symbolic link is still there even when what it points to is not
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                List<Path> sidecars = sidecarCandidates(file).stream()
                        .filter(p -> SafeNames.bytes(p.getFileName().toString()) <= SafeNames.MAX_NAME_BYTES)
                        .filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).toList();
                release(new ClaimedFile(claimDir, file, relative, sidecars.stream().findFirst()));
                recovered++;
            } else {
                removeClaim(new ClaimedFile(claimDir, file, relative, Optional.empty()));
            }
        }
        return recovered;
    }

    /** {@code page.txt.json} or {@code page.json} beside the page. */
    static List<Path> sidecarCandidates(Path file) {
        String name = file.getFileName().toString();
        List<Path> candidates = new ArrayList<>();
        candidates.add(file.resolveSibling(name + ".json"));
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            candidates.add(file.resolveSibling(name.substring(0, dot) + ".json"));
        }
        return candidates;
    }

    private static void moveSidecar(ClaimedFile claim, Path folder, boolean keepName) throws IOException {
        if (claim.sidecar().isPresent() && Files.exists(claim.sidecar().get(), LinkOption.NOFOLLOW_LINKS)) {
            moveWithoutOverwrite(claim.sidecar().get(), folder, keepName);
        }
    }

    private static void removeClaim(ClaimedFile claim) throws IOException {
        Files.deleteIfExists(claim.claimDir().resolve(".origin"));
        removeEmpty(claim.claimDir());
    }

    private static void removeEmpty(Path dir) throws IOException {
        try {
            Files.deleteIfExists(dir);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // something unexpected is left there: keep it for a human to look at
        }
    }

    /**
     * As {@link #moveWithoutOverwrite}, writing {@code <final name><suffix>} first: the note's name is reserved
     * atomically by hard-linking the written note to it, then the file is renamed next to it.
     */
    static Path moveWithNote(Path file, Path folder, String suffix, Function<String, byte[]> note) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path target = folder.resolve(candidate(file, attempt, false));
            Path notePath = folder.resolve(target.getFileName() + suffix);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.exists(notePath, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path written = Files.write(Files.createTempFile(folder, ".note-", ".tmp"), note.apply(target.getFileName().toString()));
            force(written);
            try {
                Files.createLink(notePath, written);
            } catch (FileAlreadyExistsException e) {
                continue; // taken meanwhile: the next name
            } catch (UnsupportedOperationException | IOException e) {
                Files.move(written, notePath); // a file system without hard links: not atomic, still before the file
            } finally {
                Files.deleteIfExists(written);
            }
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The report is on disk before the file it explains appears. */
    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * The file's name (shortened when it leaves no room for suffixes, see {@link SafeNames}), or with {@code .1},
     * {@code .2} … before the extension for later attempts.
     */
    private static String candidate(Path file, int attempt, boolean keepName) {
        String original = file.getFileName().toString();
        // back into the inbox a file keeps its name (it had it there, and a date in it is the issue-date rule's input)
        String name = keepName && attempt == 0 ? original : SafeNames.fitting(original);
        int dot = name.indexOf('.', 1);
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return attempt == 0 ? name : stem + "." + attempt + extension;
    }

    /** Renames into {@code folder}, adding {@code .1}, {@code .2} … before the extension when the name is taken. */
    static Path moveWithoutOverwrite(Path file, Path folder, boolean keepName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path target = folder.resolve(candidate(file, attempt, keepName));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                // createFile reserves the name atomically; the rename then replaces the empty placeholder
                Files.createFile(target);
                return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileAlreadyExistsException e) {
                // taken between the check and the reservation: try the next name
            }
        }
    }
}
