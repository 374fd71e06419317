package io.newsflow.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The services of docker-compose.yml, their health checks and the order they start in. */
class ComposeServiceGraphTest {
    static final List<String> NEWSFLOW_SERVICES = List.of("ingest-service", "enrich-service", "search-service");
    static final List<String> ONE_SHOT_JOBS = List.of("secrets-check", "topic-init", "es-setup", "kibana-setup");

    private final Compose compose = Compose.load();

    @Test
    void runsTheInfrastructureTheJobsAndTheThreeServices() {
        assertThat(compose.serviceNames()).containsExactlyInAnyOrder("secrets-check", "kafka", "topic-init", "elasticsearch",
                "es-setup", "kibana", "kibana-setup", "ingest-service", "enrich-service", "search-service", "proxy");
    }

    @Test
    void oneShotJobsAreNeverRestartedAndEverythingElseIsRestartedAndHealthChecked() {
        for (String service : compose.serviceNames()) {
            if (ONE_SHOT_JOBS.contains(service)) {
                assertThat(compose.isOneShot(service)).as("%s runs once (restart: \"no\")", service).isTrue();
            } else {
                assertThat(compose.service(service).get("restart")).as("%s restart policy", service).isEqualTo("unless-stopped");
                assertThat(compose.healthcheck(service)).as("%s health check", service).isPresent();
            }
        }
    }

    @Test
    void everyDependencyWaitsForHealthOrForASuccessfulJob() {
        for (String service : compose.serviceNames()) {
            compose.dependsOn(service).forEach((target, condition) -> {
                assertThat(compose.serviceNames()).as("%s depends on a known service", service).contains(target);
                if (compose.isOneShot(target)) {
                    assertThat(condition).as("%s waits for job %s", service, target).isEqualTo("service_completed_successfully");
                } else {
                    assertThat(condition).as("%s waits for %s", service, target).isEqualTo("service_healthy");
                    assertThat(compose.healthcheck(target)).as("%s has the health check %s waits for", target, service).isPresent();
                }
            });
        }
    }

    @Test
    void startsInTheOrderTheDataFlowNeeds() {
        assertThat(compose.dependsOn("secrets-check")).isEmpty();
        assertThat(compose.dependsOn("kafka")).containsExactly(entry("secrets-check", "service_completed_successfully"));
        assertThat(compose.dependsOn("elasticsearch")).containsExactly(entry("secrets-check", "service_completed_successfully"));
        assertThat(compose.dependsOn("proxy")).containsExactly(entry("secrets-check", "service_completed_successfully"));
        assertThat(compose.dependsOn("topic-init")).containsExactly(entry("kafka", "service_healthy"));
        assertThat(compose.dependsOn("es-setup")).containsExactly(entry("elasticsearch", "service_healthy"));
        assertThat(compose.dependsOn("kibana")).containsExactly(entry("es-setup", "service_completed_successfully"));
        assertThat(compose.dependsOn("kibana-setup")).containsExactly(entry("kibana", "service_healthy"));
        assertThat(compose.dependsOn("ingest-service")).containsExactly(entry("topic-init", "service_completed_successfully"));
        assertThat(compose.dependsOn("enrich-service")).containsExactly(entry("topic-init", "service_completed_successfully"));
        assertThat(compose.dependsOn("search-service")).containsOnly(
                entry("topic-init", "service_completed_successfully"), entry("es-setup", "service_completed_successfully"));
    }

    @Test
    void servicesWaitTransitivelyForTheInfrastructureTheyUse() {
        assertThat(upstream("ingest-service")).contains("kafka", "topic-init").doesNotContain("elasticsearch");
        assertThat(upstream("enrich-service")).contains("kafka", "topic-init").doesNotContain("elasticsearch");
        assertThat(upstream("search-service")).contains("kafka", "topic-init", "elasticsearch", "es-setup");
        assertThat(upstream("kibana-setup")).contains("elasticsearch", "es-setup", "kibana");
    }

    @Test
    void nothingStartsUnlessSecretsCheckAcceptedTheSecrets() {
        for (String service : compose.serviceNames()) {
            if (!service.equals("secrets-check")) {
                assertThat(upstream(service)).as("%s waits for secrets-check", service).contains("secrets-check");
            }
        }
    }

    @Test
    void dependenciesHaveNoCycle() {
        for (String service : compose.serviceNames()) {
            assertThat(upstream(service)).as("services %s waits for", service).doesNotContain(service);
        }
    }

    @Test
    void newsflowServicesReportReadinessOnTheirOwnPort() {
        for (String service : NEWSFLOW_SERVICES) {
            String port = QuarkusConfig.applicationProperties(service).getProperty("quarkus.http.port");
            assertThat(compose.healthcheckCommand(service)).as("%s health check", service)
                    .contains("http://localhost:" + port + "/q/health/ready");
        }
    }

    @Test
    void infrastructureHealthChecksProbeRealReadiness() {
        assertThat(compose.healthcheckCommand("kafka")).contains("kafka-broker-api-versions.sh --bootstrap-server localhost:9092");
        assertThat(compose.healthcheckCommand("elasticsearch")).contains("_cluster/health?wait_for_status=yellow")
                // the secret file is read at run time ($$: not by Compose), and handed to curl on standard input
                .contains("$$(cat /run/secrets/elastic_password)").contains("curl -fsS -K -");
        assertThat(compose.secrets("elasticsearch")).contains("elastic_password");
        assertThat(compose.healthcheckCommand("kibana")).contains("http://localhost:5601");
    }

    /** Every service this one waits for, directly or through others. */
    private Set<String> upstream(String service) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(compose.dependsOn(service).keySet());
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next) && !next.equals(service)) {
                todo.addAll(compose.dependsOn(next).keySet());
            }
        }
        return seen;
    }
}
