package io.newsflow.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/** .env.example: the documented settings of docker-compose.yml, {@code NAME=value} lines with # comments. */
final class DotEnv {
    static final String EXAMPLE = ".env.example";

    private DotEnv() {
    }

    static Map<String, String> example() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Repo.read(EXAMPLE).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] kv = trimmed.split("=", 2);
            if (kv.length != 2) {
                throw new AssertionError(EXAMPLE + ": not NAME=value: " + line);
            }
            values.put(kv[0].strip(), kv[1].strip());
        }
        return values;
    }
}
