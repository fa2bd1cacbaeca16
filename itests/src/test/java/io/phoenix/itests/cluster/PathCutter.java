package io.phoenix.itests.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Cuts the grid paths between chosen node processes on this host while clients still reach every node, the way a
 * network partition between machines would. Each node runs as a system user of its own
 * ({@link PhoenixNodeProcess#user}); packet filter rules match the sending process's user ({@code iptables -m
 * owner}) — rules on 127.0.0.x addresses cannot tell the nodes apart. A cut node sends nothing over TCP except from
 * its client-facing listeners (SSH, HTTP), and the others send nothing to its grid ports. Every rule carries the
 * comment {@link #TAG}; {@link #heal()} (and the next run, for rules a killed test left) removes them all. Needs
 * root, {@code iptables} and {@code setpriv} ({@code .ci/run} installs iptables when missing).
 */
final class PathCutter {

    /** Rules and users of runs with another port offset are never touched: they may be running beside this one. */
    static final String TAG = "phoenix-it" + (PhoenixNodeProcess.OFFSET == 0 ? "" : "-" + PhoenixNodeProcess.OFFSET);

    private PathCutter() {
    }

    /** Makes {@code node} run as a system user of its own (created once per host); see {@link #isolate}. */
    static void runAsOwnUser(PhoenixNodeProcess node) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("cutting paths between node processes needs root (per-user packet filters)");
        }
        node.user = userOf(node);
        try {
            if (new ProcessBuilder("id", "-u", node.user).start().waitFor() != 0) {
                PhoenixNodeProcess.run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        node.user);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating user " + node.user, e);
        }
    }

    static String userOf(PhoenixNodeProcess node) {
        return TAG + "-" + node.index;
    }

    /** Cuts every grid path between {@code cut} and {@code others}, both ways; clients still reach {@code cut}. */
    static void isolate(PhoenixNodeProcess cut, List<PhoenixNodeProcess> others) throws IOException, InterruptedException {
        String clientPorts = cut.sshPort() + "," + (PhoenixNodeProcess.HTTP_BASE + cut.index);
        rule("-m", "owner", "--uid-owner", cut.user, "-p", "tcp", "-m", "multiport", "!", "--sports", clientPorts);
        String gridPorts = gridPorts(cut);
        for (PhoenixNodeProcess other : others) {
            rule("-m", "owner", "--uid-owner", other.user, "-p", "tcp", "-m", "multiport", "--dports", gridPorts);
        }
    }

    private static String gridPorts(PhoenixNodeProcess node) {
        return (PhoenixNodeProcess.DISCOVERY_BASE + node.index) + "," + (PhoenixNodeProcess.COMMUNICATION_BASE + node.index);
    }

    private static void rule(String... match) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("iptables", "-w", "-A", "OUTPUT", "-o", "lo"));
        command.addAll(List.of(match));
        command.addAll(List.of("-m", "comment", "--comment", TAG, "-j", "DROP"));
        PhoenixNodeProcess.run(command.toArray(String[]::new));
    }

    /** Removes every rule this class added (also those of an earlier, killed run). */
    static void heal() throws IOException, InterruptedException {
        Process list = new ProcessBuilder("iptables", "-w", "-S", "OUTPUT").redirectErrorStream(true).start();
        String rules = new String(list.getInputStream().readAllBytes());
        if (list.waitFor() != 0) {
            throw new IOException("iptables -S OUTPUT failed (is iptables installed? .ci/run installs it): " + rules);
        }
        for (String line : rules.lines().filter(l -> l.startsWith("-A OUTPUT") && l.endsWith("--comment " + TAG + " -j DROP"))
                .collect(Collectors.toList())) {
            List<String> command = new ArrayList<>(List.of("iptables", "-w", "-D"));
            command.addAll(List.of(line.substring("-A ".length()).split(" ")));
            PhoenixNodeProcess.run(command.toArray(String[]::new));
        }
    }
}
