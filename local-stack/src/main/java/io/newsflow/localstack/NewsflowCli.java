package io.newsflow.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * {@code bin/newsflow up|down|status}: the system on its embedded local stack. Ports and folders come from
 * environment variables (see docs/operations.md): {@code NEWSFLOW_HOME}, {@code NEWSFLOW_KAFKA_PORT},
 * {@code NEWSFLOW_ES_PORT}, {@code NEWSFLOW_SEARCH_PORT}, {@code NEWSFLOW_INGEST_PORT}, {@code NEWSFLOW_ENRICH_PORT};
 * {@code NEWSFLOW_READ_PROTECTED=true} makes reading need role reader too; {@code NEWSFLOW_LOG_MAX_SIZE} and
 * {@code NEWSFLOW_LOG_FILES} bound the services' logs ({@link LogRotation}).
 *
 * <p>{@code up}, {@code down} and {@code restart} run one at a time per data folder ({@link LauncherLock}); {@code status}
 * only looks and runs any time.
 */
public final class NewsflowCli {
    /** How long a launcher waits for another one on the same data folder: longer than a first {@code up} takes. */
    private static final Duration LOCK_WAIT = Duration.ofMinutes(10);

    private NewsflowCli() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new LauncherLogFormatter());
        }
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: NewsflowCli up|down|status|restart PART REPOSITORY");
            System.exit(2);
        }
        Path repository = Path.of(args[args.length - 1]);
        NewsflowSystem system = new NewsflowSystem(new NewsflowSystem.Options(
                home(repository), repository,
                port("NEWSFLOW_KAFKA_PORT", 9092), port("NEWSFLOW_ES_PORT", 9200), port("NEWSFLOW_SEARCH_PORT", 8080),
                port("NEWSFLOW_INGEST_PORT", 8081), port("NEWSFLOW_ENRICH_PORT", 8082), readProtected(),
                LogRotation.fromEnvironment(System.getenv())));
        if (args[0].equals("status")) {
            system.status().forEach(out::println);
            return;
        }
        String command = String.join(" ", List.of(args).subList(0, args.length - 1));
        try (LauncherLock lock = LauncherLock.acquire(system.options().home(), command, LOCK_WAIT)) {
            run(args, system, out);
        } catch (LauncherLock.HeldElsewhere e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** {@code up}, {@code down} or {@code restart PART}, under the launcher lock. */
    private static void run(String[] args, NewsflowSystem system, PrintStream out) throws Exception {
        switch (args[0]) {
            case "up" -> {
                LocalStack.Endpoints endpoints = system.up();
                NewsflowSystem.Options o = system.options();
                out.println();
                out.println("newsflow is running.");
                out.println("  inbox          " + o.inbox() + "   (drop page .txt files here)");
                out.println("  web page       http://localhost:" + o.searchPort() + "/");
                out.println("  search API     http://localhost:" + o.searchPort() + "/api/search?q=...");
                out.println("  OpenAPI UI     http://localhost:" + o.searchPort() + "/q/swagger-ui");
                out.println("  ingest API     http://localhost:" + o.ingestPort() + "   enrich http://localhost:" + o.enrichPort());
                out.println("  Kafka          " + endpoints.kafkaBootstrapServers());
                out.println("  Elasticsearch  " + endpoints.elasticsearchUrl() + LocalStack.elasticsearchUsers(o.stackDir())
                        .map(users -> "   (user " + ElasticsearchUsers.ADMIN + ", password in " + users.passwordsFile() + ")")
                        .orElse(""));
                out.println("  logs           " + o.home().resolve("logs"));
                Credentials credentials = system.credentials();
                out.println("  credentials    " + credentials.passwordsFile() + "   (users " + String.join(", ", credentials.users())
                        + (o.readProtected() ? "; reading needs role reader" : "; reading is open") + ")");
                out.println("                 uploading needs user ingest or admin, re-indexing admin; e.g.");
                out.println("                 " + curlExample(credentials.passwordsFile(), o.searchPort()));
                out.println("Stop it with: bin/newsflow down");
            }
            case "down" -> {
                system.down();
                out.println("newsflow stopped.");
            }
            case "restart" -> {
                if (args.length != 3 || !system.parts().contains(args[1])) {
                    System.err.println("usage: bin/newsflow restart " + String.join("|", system.parts()));
                    System.exit(2);
                }
                system.restart(args[1]);
                out.println(args[1] + " restarted; newsflow is running.");
            }
            default -> {
                System.err.println("unknown command " + args[0] + "; expected up, down, status or restart");
                System.exit(2);
            }
        }
    }

    /** A command line that re-indexes with the admin's password read from the file (the password itself is not shown). */
    static String curlExample(Path passwordsFile, int searchPort) {
        return "curl -u admin:\"$(sed -n 's/^admin=//p' '" + passwordsFile + "')\" -X POST http://localhost:" + searchPort + "/api/admin/reindex";
    }

    private static boolean readProtected() {
        String value = env("NEWSFLOW_READ_PROTECTED", "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("NEWSFLOW_READ_PROTECTED must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** The data folder: {@code NEWSFLOW_HOME}, else {@code newsflow-data} in the checkout. */
    static Path home(Path repository) {
        return Path.of(env("NEWSFLOW_HOME", repository.resolve("newsflow-data").toString()));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int port(String name, int fallback) {
        String value = env(name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }
}
