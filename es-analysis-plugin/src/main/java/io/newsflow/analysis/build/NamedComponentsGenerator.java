package io.newsflow.analysis.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.elasticsearch.plugin.Extensible;
import org.elasticsearch.plugin.NamedComponent;

/**
 * Build step (not shipped in the plugin jar): writes {@code named_components.json} for the classes
 * annotated with {@link NamedComponent} in a compiled classes folder.
 *
 * <p>The file maps each {@link Extensible} interface to {component name: implementing class}, which is
 * the shape Elasticsearch's {@code NamedComponentReader} reads and its build tools' scanner writes.
 * With the file present the plugin installer and the node skip scanning bytecode; without it they scan
 * every bundled jar (HanLP is 25 MB) and run out of memory.
 *
 * <p>Usage: {@code NamedComponentsGenerator <classes dir> <output file>}; fails when no component is found.
 */
public final class NamedComponentsGenerator {

    private NamedComponentsGenerator() {}

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: NamedComponentsGenerator <classes dir> <output file>");
        }
        Path classes = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Map<String, Map<String, String>> components = scan(classes);
        if (components.isEmpty()) {
            throw new IllegalStateException("no @NamedComponent class under " + classes);
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, toJson(components));
    }

    /** Extensible interface name → (component name → class name), sorted so the output is reproducible. */
    static Map<String, Map<String, String>> scan(Path classesDir) throws IOException, ClassNotFoundException {
        Map<String, Map<String, String>> result = new TreeMap<>();
        ClassLoader loader = NamedComponentsGenerator.class.getClassLoader();
        List<String> classNames;
        try (Stream<Path> files = Files.walk(classesDir)) {
            classNames = files
                    .map(p -> classesDir.relativize(p).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.equals("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .sorted()
                    .toList();
        }
        for (String className : classNames) {
            Class<?> type = Class.forName(className, false, loader);
            NamedComponent named = type.getAnnotation(NamedComponent.class);
            if (named == null) {
                continue;
            }
            if (!named.value().matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalStateException("unexpected component name '" + named.value() + "' on " + className);
            }
            Class<?> extensible = findExtensible(type);
            if (extensible == null) {
                throw new IllegalStateException(className + " is a @NamedComponent but implements no @Extensible type");
            }
            String previous = result.computeIfAbsent(extensible.getName(), k -> new TreeMap<>())
                    .putIfAbsent(named.value(), className);
            if (previous != null) {
                throw new IllegalStateException("component name " + named.value() + " used by " + previous + " and " + className);
            }
        }
        return result;
    }

    /** Breadth-first over superclasses and interfaces: the nearest type annotated {@link Extensible}. */
    private static Class<?> findExtensible(Class<?> type) {
        Deque<Class<?>> queue = new ArrayDeque<>(List.of(type));
        while (!queue.isEmpty()) {
            Class<?> c = queue.removeFirst();
            if (c != type && c.isAnnotationPresent(Extensible.class)) {
                return c;
            }
            if (c.getSuperclass() != null) {
                queue.addLast(c.getSuperclass());
            }
            queue.addAll(List.of(c.getInterfaces()));
        }
        return null;
    }

    /** Hand-written JSON: class names and the component names checked above need no escaping. */
    static String toJson(Map<String, Map<String, String>> components) {
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (var extensible : components.entrySet()) {
            json.append("  \"").append(extensible.getKey()).append("\": {\n");
            int j = 0;
            for (var component : extensible.getValue().entrySet()) {
                json.append("    \"").append(component.getKey()).append("\": \"").append(component.getValue()).append('"');
                json.append(++j < extensible.getValue().size() ? ",\n" : "\n");
            }
            json.append(++i < components.size() ? "  },\n" : "  }\n");
        }
        return json.append("}\n").toString();
    }
}
