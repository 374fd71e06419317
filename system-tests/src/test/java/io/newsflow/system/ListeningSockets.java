package io.newsflow.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The TCP ports a process listens on, with their local address, read from {@code /proc} (what {@code ss -ltnp}
 * shows, without depending on it): the process's socket inodes from {@code /proc/PID/fd}, matched against the
 * listening sockets of {@code /proc/net/tcp} and {@code tcp6}.
 */
final class ListeningSockets {
    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final String LISTEN = "0A";

    /** A listening socket: address as {@code /proc} writes it (hex, network byte order per 32-bit word) and port. */
    record Listener(long pid, String hexAddress, int port) {
        boolean loopback() {
            return hexAddress.equals("0100007F") // 127.0.0.1
                    || hexAddress.equals("00000000000000000000000001000000") // ::1
                    || hexAddress.equals("0000000000000000FFFF00000100007F"); // ::ffff:127.0.0.1
        }
    }

    private ListeningSockets() {
    }

    static List<Listener> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Matcher socket = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                    String[] local = fields[1].split(":");
                    listeners.add(new Listener(pid, local[0], Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listeners;
    }
}
