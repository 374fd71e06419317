package io.newsflow.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every property a service sets is in the configuration table of docs/operations.md, written as {@code `name`}. */
class ConfigurationDocsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "search-service"})
    void everyPropertyOfTheServiceIsDocumented(String module) {
        String docs = Repo.read("docs/operations.md");
        // test-profile lines only speed up the suite; the table sums them up per service
        Set<String> keys = QuarkusConfig.applicationProperties(module).stringPropertyNames();
        assertThat(keys).as("properties of %s", module).isNotEmpty();
        assertThat(keys.stream().filter(key -> !key.startsWith("%test.")).filter(key -> !docs.contains("`" + key + "`")).sorted().toList())
                .as("properties of %s missing from docs/operations.md", module).isEmpty();
    }
}
