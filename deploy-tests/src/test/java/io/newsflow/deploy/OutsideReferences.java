package io.newsflow.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds paths in a file's text that lead out of the checkout: a clone must build, test and run from its own tree.
 *
 * <p>A relative path with {@code ..} segments is resolved from the folder the tools use for that file: the
 * module folder (the file's top-level folder, where Maven and the tests run), or the repository root when the
 * path starts with a variable that names the root ({@code ${maven.multiModuleProjectDirectory}}, {@code $ROOT}).
 * A path that climbs above the root is reported. So is any mention of the developers' reference folder beside the
 * checkout (named {@code shared}) and any absolute path into the checkout's parent folder. A line that says it holds
 * {@value #HOSTILE_INPUT} (a test feeding a climbing name to the code under test) may climb, but never reach the
 * reference folder.
 */
final class OutsideReferences {
    /** {@code ..} segments, optionally after a variable, followed by at least one name character. */
    private static final Pattern CLIMB = Pattern.compile(
            "(\\$\\{[\\w.]+}|\\$\\w+)?/?((?:\\.\\./)+|(?:\\.\\.\\\\)+)([\\w.${-])");
    private static final Pattern REFERENCE_FOLDER = Pattern.compile("\\.\\./+shared\\b");
    private static final List<String> ROOT_VARIABLES = List.of("${maven.multiModuleProjectDirectory}", "$ROOT",
            "${ROOT}", "${newsflow.root}");

    static final String HOSTILE_INPUT = "hostile input, not a path of the project";

    private final Path root;

    /** @param root the checkout's root folder */
    OutsideReferences(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** One line per reference out of the checkout in {@code text}, the content of {@code file} (relative to the root). */
    List<String> find(Path file, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String parent = root.getParent() == null ? null : root.getParent() + "/";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = file + ":" + (i + 1) + ": ";
            if (REFERENCE_FOLDER.matcher(line).find()) {
                found.add(where + "refers to the reference folder beside the checkout: " + line.strip());
                continue;
            }
            if (parent != null && parent.length() > 1 && line.contains(parent)) {
                found.add(where + "absolute path into the checkout's parent folder: " + line.strip());
                continue;
            }
            if (line.contains(HOSTILE_INPUT)) {
                continue;
            }
            Matcher climb = CLIMB.matcher(line);
            while (climb.find()) {
                Path base = ROOT_VARIABLES.contains(climb.group(1) == null ? "" : climb.group(1)) ? root : moduleOf(file);
                int levels = climb.group(2).length() / 3;
                if (levels > depthBelowRoot(base)) {
                    found.add(where + "climbs " + levels + " folder(s) above " + root.relativize(base) + "/: " + line.strip());
                    break;
                }
            }
        }
        return found;
    }

    /** The folder Maven and the tests run in for {@code file}: its top-level folder, or the root for top-level files. */
    private Path moduleOf(Path file) {
        return file.getNameCount() > 1 ? root.resolve(file.getName(0)) : root;
    }

    private int depthBelowRoot(Path folder) {
        return root.relativize(folder).toString().isEmpty() ? 0 : root.relativize(folder).getNameCount();
    }
}
