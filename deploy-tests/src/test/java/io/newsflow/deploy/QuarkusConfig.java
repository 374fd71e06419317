package io.newsflow.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a service module knows, read from its sources: the keys of
 * {@code src/main/resources/application.properties} (profile prefixes dropped) and the properties of its
 * {@code @ConfigMapping} interfaces (prefix + kebab-case method name, or {@code @WithName}).
 */
final class QuarkusConfig {
    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    /** An accessor's simple return type (generic arguments dropped) and name. */
    private static final Pattern ACCESSOR = Pattern.compile("([\\w.]+)(?:<[^()]*>)?\\s+(\\w+)\\s*\\(\\s*\\)\\s*$");
    private static final Pattern NESTED = Pattern.compile("\\binterface\\s+(\\w+)\\s*\\{");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private QuarkusConfig() {
    }

    static Set<String> keys(String module) {
        Set<String> keys = new TreeSet<>(propertiesKeys(module));
        keys.addAll(configMappingKeys(module));
        return keys;
    }

    static Properties applicationProperties(String module) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repo.read(module + "/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static Set<String> propertiesKeys(String module) {
        Set<String> keys = new TreeSet<>();
        for (String key : applicationProperties(module).stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        return keys;
    }

    static Set<String> configMappingKeys(String module) {
        Set<String> keys = new TreeSet<>();
        Path sources = Repo.path(module + "/src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = COMMENTS.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
                Matcher prefix = PREFIX.matcher(code);
                if (!prefix.find()) {
                    continue;
                }
                String body = code.substring(code.indexOf('{', prefix.end()) + 1);
                Map<String, String> groups = nestedGroups(body);
                String own = body;
                for (String group : groups.values()) {
                    own = own.replace(group, "");
                }
                for (String[] accessor : accessors(own)) {
                    String group = groups.get(accessor[0]);
                    if (group == null) {
                        keys.add(prefix.group(1) + "." + accessor[1]);
                        continue;
                    }
                    if (!nestedGroups(group.substring(group.indexOf('{') + 1)).isEmpty()) {
                        // deeper groups would need their own walk; fail loudly rather than accept wrong keys
                        throw new AssertionError(file + ": @ConfigMapping groups nested twice are not supported by this test");
                    }
                    for (String[] member : accessors(group.substring(group.indexOf('{') + 1))) {
                        keys.add(prefix.group(1) + "." + accessor[1] + "." + member[1]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** The group interfaces declared inside a mapping's body: simple name to the whole declaration. */
    private static Map<String, String> nestedGroups(String body) {
        Map<String, String> groups = new LinkedHashMap<>();
        Matcher group = NESTED.matcher(body);
        int from = 0;
        while (group.find(from)) {
            int end = body.indexOf('{', group.start());
            int depth = 0;
            do {
                char c = body.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } while (depth > 0);
            groups.put(group.group(1), body.substring(group.start(), end));
            from = end;
        }
        return groups;
    }

    /** {return type, property name} of each accessor of an interface body without nested groups. */
    private static List<String[]> accessors(String body) {
        List<String[]> found = new ArrayList<>();
        for (String declaration : body.split(";")) {
            Matcher accessor = ACCESSOR.matcher(declaration.strip());
            if (accessor.find()) {
                Matcher withName = WITH_NAME.matcher(declaration);
                found.add(new String[] {accessor.group(1), withName.find() ? withName.group(1) : kebab(accessor.group(2))});
            }
        }
        return found;
    }

    /** SmallRye's environment variable for a property: non-alphanumerics become '_', upper case. */
    static String environmentVariable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static List<String> environmentVariables(Set<String> keys) {
        return keys.stream().map(QuarkusConfig::environmentVariable).sorted().toList();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
