package io.newsflow.analysis;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import io.newsflow.names.NamesFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Adds the newsflow names dictionary to HanLP, once per node, so that a name the enrichment knows is one
 * token in the index and in queries.
 *
 * <p>The node-wide file is {@code <ES config>/<plugin name>/names.txt} ({@code newsflow-analysis} unless
 * the build renames the plugin). The plugin installer puts the copy shipped in the zip there, unless a file
 * is already there; the plugin's entitlement policy grants read access to that folder and nothing else.
 * Every entry goes in with {@link CustomDictionary#insert(String, String)}: HanLP's dictionaries are static,
 * so the names then apply to every {@code newsflow_hanlp} tokenizer of the node. HanLP is never given a
 * custom dictionary path, which would replace its default dictionary instead of extending it.
 *
 * <p>The file is read when the first {@code newsflow_hanlp} tokenizer is configured after the node started;
 * an edit takes effect at the next node restart (documents indexed before keep their old tokens until they
 * are re-indexed). A missing file means no extra names and one warning; a malformed line is skipped with a
 * warning naming its line number.
 */
final class NamesDictionary {

    static final String FILE_NAME = "names.txt";

    private static final Logger LOG = LogManager.getLogger(NamesDictionary.class);

    /** Files already added (normalised absolute paths), guarded by the class lock. */
    private static final Set<Path> LOADED = new HashSet<>();
    private static boolean nodeFileLoaded;

    private NamesDictionary() {}

    /** Adds the node's names file to HanLP unless that was done already; never fails. */
    static synchronized void loadNodeFile() {
        if (nodeFileLoaded) {
            return;
        }
        nodeFileLoaded = true;
        Optional<Path> dir = pluginConfigDir(System.getenv(), System::getProperty);
        if (dir.isEmpty()) {
            LOG.warn("newsflow names dictionary not loaded: the node's config folder is unknown"
                    + " (neither ES_PATH_CONF nor es.path.conf nor es.path.home is set)");
            return;
        }
        Path file = dir.get().resolve(FILE_NAME);
        try {
            load(file);
        } catch (NoSuchFileException e) {
            LOG.warn("newsflow names dictionary {} not found: no extra names for newsflow_hanlp", file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("newsflow names dictionary {} not loaded: {}", file, e.toString());
        }
    }

    /**
     * Adds one more names file named by a tokenizer's {@code names_path} setting, relative to the plugin's
     * config folder (the only folder the plugin may read). Loaded once per file and node.
     *
     * @throws IllegalArgumentException when the file is outside that folder, missing or unreadable: the
     *     index that asked for it is not created
     */
    static void loadTokenizerFile(String relativePath) {
        Path dir = pluginConfigDir(System.getenv(), System::getProperty).orElseThrow(() ->
                new IllegalArgumentException("names_path [" + relativePath + "]: the node's config folder is unknown"));
        Path file = dir.resolve(relativePath).normalize();
        if (!file.startsWith(dir)) {
            throw new IllegalArgumentException("names_path [" + relativePath + "] must be a file inside " + dir);
        }
        try {
            load(file);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("names_path [" + relativePath + "]: cannot read " + file + ": " + e, e);
        }
    }

    /**
     * Adds every valid entry of {@code file} to HanLP's custom dictionary, once per file; malformed lines
     * are logged and skipped. Returns how many entries were added by this call (0 when already loaded).
     */
    static synchronized int load(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (LOADED.contains(key)) {
            return 0;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(key, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(key + " is not valid UTF-8", e);
        }
        NamesFile.Parsed parsed = NamesFile.parse(lines);
        for (String problem : parsed.problems()) {
            LOG.warn("newsflow names dictionary {}: skipped {}", key, problem);
        }
        for (NamesFile.Entry entry : parsed.entries()) {
            CustomDictionary.insert(entry.word(), entry.natureWithFrequency());
        }
        LOADED.add(key);
        LOG.info("newsflow names dictionary {}: added {} names to HanLP ({} lines skipped)",
                key, parsed.entries().size(), parsed.problems().size());
        return parsed.entries().size();
    }

    /**
     * {@code <ES config>/<plugin name>}. A stable plugin is not told the node's paths, so they are taken
     * from the process: the launcher exports {@code ES_PATH_CONF} (always absolute) and the server
     * inherits it; {@code es.path.conf}, then {@code es.path.home}/config, are fallbacks.
     */
    static Optional<Path> pluginConfigDir(Map<String, String> env, Function<String, String> systemProperty) {
        String conf = firstNonBlank(env.get("ES_PATH_CONF"), systemProperty.apply("es.path.conf"));
        Path confDir;
        if (conf != null) {
            confDir = Path.of(conf);
        } else {
            String home = systemProperty.apply("es.path.home");
            if (home == null || home.isBlank()) {
                return Optional.empty();
            }
            confDir = Path.of(home, "config");
        }
        return Optional.of(confDir.toAbsolutePath().normalize().resolve(pluginName()));
    }

    /** The name the plugin is installed under ({@code es.plugin.name} of the build). */
    static String pluginName() {
        Properties props = new Properties();
        try (InputStream in = NamesDictionary.class.getResourceAsStream("plugin.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugin.properties missing from the plugin jar");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("name");
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
