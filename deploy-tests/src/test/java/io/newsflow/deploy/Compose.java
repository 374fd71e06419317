package io.newsflow.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as a tree, with the few accessors the tests need. Values are kept as written; {@link #interpolate}
 * resolves {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:?message}} the way Compose does.
 */
final class Compose {
    static final String FILE = "docker-compose.yml";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    /** A published port: {@code [ip:]host:container}. */
    record Port(String hostIp, String hostPort, int containerPort) {
    }

    /** A short-syntax volume: {@code source:target[:mode]}; named when the source is no path. */
    record Mount(String source, String target, boolean named) {
    }

    private final String text;
    private final Map<String, Object> root;

    private Compose(String text) {
        this.text = text;
        this.root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    static Compose load() {
        return new Compose(Repo.read(FILE));
    }

    String text() {
        return text;
    }

    Set<String> serviceNames() {
        return map(root.get("services"), "services").keySet();
    }

    Map<String, Object> service(String name) {
        Object service = map(root.get("services"), "services").get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return map(service, name);
    }

    /** The environment as written (map or {@code KEY=value} list form). */
    Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object entry : list) {
                String[] kv = String.valueOf(entry).split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return result;
    }

    /** Services this one waits for, with the condition ({@code service_started} for the list form). */
    Map<String, String> dependsOn(String service) {
        Object deps = service(service).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (deps instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k),
                    String.valueOf(map(v, service + ".depends_on").getOrDefault("condition", "service_started"))));
        } else if (deps instanceof List<?> list) {
            list.forEach(name -> result.put(String.valueOf(name), "service_started"));
        }
        return result;
    }

    Optional<Map<String, Object>> healthcheck(String service) {
        return Optional.ofNullable(service(service).get("healthcheck")).map(h -> map(h, service + ".healthcheck"));
    }

    /** The health check command as one string. */
    String healthcheckCommand(String service) {
        Object test = healthcheck(service).orElseThrow(() -> new AssertionError(service + " has no healthcheck")).get("test");
        return test instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList()) : String.valueOf(test);
    }

    /** A one-shot job: Compose must not restart it, so {@code service_completed_successfully} can wait for it. */
    boolean isOneShot(String service) {
        Object restart = service(service).get("restart");
        return "no".equals(restart) || Boolean.FALSE.equals(restart);
    }

    List<Port> ports(String service, Map<String, String> variables) {
        List<Port> result = new ArrayList<>();
        for (Object spec : list(service(service).get("ports"))) {
            String[] parts = interpolate(String.valueOf(spec), variables).replaceFirst("/tcp$", "").split(":");
            switch (parts.length) {
                case 2 -> result.add(new Port("", parts[0], Integer.parseInt(parts[1])));
                case 3 -> result.add(new Port(parts[0], parts[1], Integer.parseInt(parts[2])));
                default -> throw new AssertionError(service + ": unexpected port syntax " + spec);
            }
        }
        return result;
    }

    List<Mount> volumes(String service) {
        List<Mount> result = new ArrayList<>();
        for (Object spec : list(service(service).get("volumes"))) {
            List<String> parts = splitOutsideVariables(String.valueOf(spec));
            String source = parts.get(0);
            boolean named = !(source.startsWith(".") || source.startsWith("/") || source.startsWith("$") || source.startsWith("~"));
            result.add(new Mount(source, parts.get(1), named));
        }
        return result;
    }

    /** Splits at ':' except inside {@code ${…}} (a default such as {@code ${DIR:-./data}} holds one). */
    private static List<String> splitOutsideVariables(String spec) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : spec.toCharArray()) {
            if (c == ':' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }

    Set<String> declaredVolumes() {
        Object volumes = root.get("volumes");
        return volumes == null ? Set.of() : map(volumes, "volumes").keySet();
    }

    /** The secrets a service mounts (short syntax: names), each at {@code /run/secrets/<name>}. */
    List<String> secrets(String service) {
        return list(service(service).get("secrets")).stream().map(String::valueOf).toList();
    }

    /** The top-level {@code secrets:}: name to the file it is read from. */
    Map<String, String> declaredSecrets() {
        Map<String, String> result = new LinkedHashMap<>();
        Object secrets = root.get("secrets");
        if (secrets != null) {
            map(secrets, "secrets").forEach((name, spec) -> result.put(name, String.valueOf(map(spec, "secrets." + name).get("file"))));
        }
        return result;
    }

    /** The networks a service joins (list form). */
    List<String> networks(String service) {
        return list(service(service).get("networks")).stream().map(String::valueOf).toList();
    }

    Map<String, Object> declaredNetworks() {
        Object networks = root.get("networks");
        return networks == null ? Map.of() : map(networks, "networks");
    }

    /** An attribute as written, or null. */
    Object attribute(String service, String name) {
        return service(service).get(name);
    }

    Map<String, Object> build(String service) {
        return map(service(service).get("build"), service + ".build");
    }

    /** Names of all variables the file interpolates. */
    Set<String> variables() {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text.replace("$$", ""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Compose's interpolation: {@code $$} is a literal {@code $}; a required variable that is missing fails. */
    static String interpolate(String value, Map<String, String> variables) {
        String[] pieces = value.split("\\$\\$", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                out.append('$');
            }
            Matcher m = VARIABLE.matcher(pieces[i]);
            StringBuilder piece = new StringBuilder();
            while (m.find()) {
                String current = variables.get(m.group(1));
                boolean colon = m.group(2) != null && m.group(2).startsWith(":");
                boolean missing = current == null || (colon && current.isEmpty());
                String replacement = current;
                if (missing && m.group(2) != null && m.group(2).endsWith("?")) {
                    throw new IllegalArgumentException("required variable " + m.group(1) + " is missing: " + m.group(3));
                } else if (missing) {
                    replacement = m.group(2) != null ? m.group(3) : "";
                }
                m.appendReplacement(piece, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(piece);
            out.append(piece);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String where) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError(where + " is not a mapping in docker-compose.yml: " + node);
        }
        return (Map<String, Object>) node;
    }

    static List<?> list(Object node) {
        return node == null ? List.of() : (List<?>) node;
    }
}
