package io.phoenix.runtime.listeners.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets a process listens on, from Linux's {@code /proc}: the LISTEN rows of {@code net/tcp} and
 * {@code net/tcp6} whose inode is one of the process's open file descriptors ({@code fd/*} link to
 * {@code socket:[inode]}). The tables list every socket of the network namespace; the inodes keep this process's.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /**
     * @param process the process's {@code /proc} directory, e.g. {@code /proc/self}
     * @return its listening sockets, in table order
     * @throws IOException when the tables cannot be read (not Linux)
     */
    static List<InetSocketAddress> of(Path process) throws IOException {
        Set<String> inodes = socketInodes(process.resolve("fd"));
        List<InetSocketAddress> sockets = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = process.resolve("net").resolve(table);
            if (Files.exists(file)) {
                sockets.addAll(parse(Files.readAllLines(file), inodes));
            }
        }
        return sockets;
    }

    /** The LISTEN rows of a {@code /proc/net/tcp[6]} table whose inode is in {@code inodes}. */
    static List<InetSocketAddress> parse(List<String> table, Set<String> inodes) {
        List<InetSocketAddress> sockets = new ArrayList<>();
        for (String line : table.subList(Math.min(1, table.size()), table.size())) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length < 10 || !cells[3].equals(LISTEN) || !inodes.contains(cells[9])) {
                continue;
            }
            int colon = cells[1].indexOf(':');
            sockets.add(new InetSocketAddress(address(cells[1].substring(0, colon)),
                    Integer.parseInt(cells[1].substring(colon + 1), 16)));
        }
        return sockets;
    }

    /** An address as the kernel prints it: 4-byte words in hexadecimal, each in host (little-endian) order. */
    static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + hex, e);
        }
    }

    private static Set<String> socketInodes(Path fds) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return inodes;
    }
}
