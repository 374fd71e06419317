package io.newsflow.enrich.entities;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import io.newsflow.names.NamesFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local names dictionary ({@code config/names.txt}), the same file the index's {@code newsflow_hanlp} analyzer
 * reads, parsed by the same {@link NamesFile}. Malformed lines are skipped and reported.
 */
public final class NamesDictionary {
    /** Bundled copy of {@code config/names.txt}, used when no file is configured. */
    public static final String BUNDLED = "names.txt";
    private static final System.Logger LOG = System.getLogger(NamesDictionary.class.getName());

    private final Map<String, String> natures;
    private final String source;
    private final Set<String> persons;
    private final Set<String> places;
    private final Set<String> organizations;

    private NamesDictionary(Map<String, String> natures, String source) {
        this.natures = natures;
        this.source = source;
        this.persons = withNature("nr");
        this.places = withNature("ns");
        this.organizations = withNature("nt");
    }

    public static NamesDictionary empty() {
        return new NamesDictionary(Map.of(), "empty");
    }

    public static NamesDictionary parse(String content, String source) {
        NamesFile.Parsed parsed = NamesFile.parse(content);
        for (String problem : parsed.problems()) {
            LOG.log(System.Logger.Level.WARNING, "names dictionary {0}: skipped {1}", source, problem);
        }
        Map<String, String> natures = new LinkedHashMap<>();
        for (NamesFile.Entry entry : parsed.entries()) {
            natures.put(entry.word(), entry.natureWithFrequency());
        }
        return new NamesDictionary(natures, source);
    }

    public static NamesDictionary load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** {@code file} when given, else the {@link #bundled()} copy: how the service and the CLI choose. */
    public static NamesDictionary loadOrBundled(Optional<Path> file) throws IOException {
        return file.isPresent() ? load(file.get()) : bundled();
    }

    /** The copy of {@code config/names.txt} built into the jar. */
    public static NamesDictionary bundled() throws IOException {
        try (InputStream in = NamesDictionary.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("bundled names dictionary missing: " + BUNDLED);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + BUNDLED);
        }
    }

    /**
     * Adds every entry to HanLP's custom dictionary, so segmentation keeps these names whole. HanLP's dictionary is
     * process-wide: the index analyzer does the same inside Elasticsearch.
     */
    public void addToSegmenter() {
        natures.forEach(CustomDictionary::insert);
        LOG.log(System.Logger.Level.INFO, "names dictionary {0}: {1} entries", source, natures.size());
    }

    public Set<String> persons() {
        return persons;
    }

    public Set<String> places() {
        return places;
    }

    public Set<String> organizations() {
        return organizations;
    }

    public int size() {
        return natures.size();
    }

    private Set<String> withNature(String nature) {
        return natures.entrySet().stream()
                .filter(entry -> entry.getValue().startsWith(nature + " "))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
