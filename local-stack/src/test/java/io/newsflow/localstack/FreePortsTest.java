package io.newsflow.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {
    @Test
    void handsOutDistinctBindablePortsBelowTheEphemeralRange() throws IOException {
        int ephemeralStart = FreePorts.ephemeralRangeStart();
        if (Files.isReadable(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            assertThat(ephemeralStart).as("start of the ephemeral range read from /proc").isGreaterThan(1024);
        }
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
            if (ephemeralStart > 21_000) {
                assertThat(port).isBetween(20_000, ephemeralStart - 1);
            }
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortWithAServerIsNotFree() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(FreePorts.isFree(server.getLocalPort())).isFalse();
        }
    }

    @Test
    void recognisesABindFailureInAServerLog() {
        assertThat(PortInUseException.failedStart("failed", "java.net.BindException: Address already in use"))
                .isInstanceOf(PortInUseException.class).hasMessage("failed");
        assertThat(PortInUseException.failedStart("failed", "Socket server failed to bind to 127.0.0.1:21000: Address already in use."))
                .isInstanceOf(PortInUseException.class);
        assertThat(PortInUseException.failedStart("failed", "node started"))
                .isNotInstanceOf(PortInUseException.class).hasMessage("failed");
    }
}
