package io.newsflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for stacks started by tests, so test runs never collide with a running system.
 *
 * <p>A port is chosen some seconds before its server binds it. Ports handed out by the kernel for port 0 come
 * from the ephemeral range, which every outgoing connection on the machine draws from too, so one of them can
 * take the port in between. Ports are therefore picked at random below that range ({@code ip_local_port_range}),
 * where only listening servers take ports, and never twice by one JVM.
 */
public final class FreePorts {
    private static final int LOWEST = 20_000;
    private static final int ATTEMPTS = 500;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    /** The kernel's setting, read once: it does not change while tests run. */
    private static final int EPHEMERAL_START = ephemeralRangeStart();

    private FreePorts() {
    }

    public static synchronized int next() {
        if (EPHEMERAL_START - LOWEST >= 1_000) {
            for (int i = 0; i < ATTEMPTS; i++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, EPHEMERAL_START);
                if (!HANDED_OUT.contains(port) && isFree(port)) {
                    HANDED_OUT.add(port);
                    return port;
                }
            }
        }
        return kernelChosen();
    }

    /** Whether a server can bind this port on loopback right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int kernelChosen() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HANDED_OUT.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** First port of the kernel's ephemeral range; Linux' default where the file cannot be read. */
    static int ephemeralRangeStart() {
        try {
            // by lines: Files.readString reads /proc files (reported size 0) short
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).getFirst().trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
