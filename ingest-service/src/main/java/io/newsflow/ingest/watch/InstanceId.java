package io.newsflow.ingest.watch;

import io.newsflow.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This instance's name: configured, else host name and HTTP port (stable across restarts of one deployment). */
@ApplicationScoped
public class InstanceId {
    private final String value;

    public InstanceId(IngestConfig config, @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        this.value = config.instanceId().orElseGet(() -> hostName() + "-" + httpPort).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public String value() {
        return value;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
