package io.phoenix.itests.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A cluster of real Phoenix nodes on this host for the multi-node tests: unpacks the distribution once per node
 * under {@code target/cluster/node-N}, starts the nodes as processes ({@link PhoenixNodeProcess}), waits until
 * they form one cluster, and stops every JVM it started on {@link #close()} — verified gone, kill -9 when SIGTERM
 * was not enough. PIDs are recorded in {@code target/cluster/pids}; the next run ends any of them that a killed
 * test JVM left behind (only a JVM whose command line names that node's directory).
 */
final class PhoenixCluster implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern SERVERS = Pattern.compile("(?im)^\\s*servers?\\b\\W*(\\d+)");
    private static final Pattern LOG_SERVERS = Pattern.compile("(\\d+) server\\(s\\)");

    private final Path root;
    private final Path distribution;
    private final List<PhoenixNodeProcess> nodes = new ArrayList<>();

    private PhoenixCluster(Path root, Path distribution) {
        this.root = root;
        this.distribution = distribution;
    }

    /** What a test does to a node after it is unpacked and before it starts (its etc/ files, its environment). */
    @FunctionalInterface
    interface NodeSetup {
        void prepare(PhoenixNodeProcess node) throws IOException;
    }

    /** Unpacks and starts {@code size} nodes (node-1..node-size) and waits until all see {@code size} servers. */
    static PhoenixCluster start(int size) throws Exception {
        return start(size, node -> { });
    }

    /** As {@link #start(int)}, with {@code setup} applied to each node before it starts. */
    static PhoenixCluster start(int size, NodeSetup setup) throws Exception {
        Path root = Paths.get(required("phoenix.it.clusterDirectory"));
        Files.createDirectories(root);
        killLeftovers(root.resolve("pids"));
        PhoenixCluster cluster = new PhoenixCluster(root, Paths.get(required("phoenix.it.distribution")));
        try {
            long start = System.nanoTime();
            for (int i = 1; i <= size; i++) {
                PhoenixNodeProcess node = cluster.add();
                setup.prepare(node);
                node.start();
            }
            cluster.awaitFormed(size);
            System.out.printf("CLUSTER: %d nodes ready in %d ms: %s%n", size, (System.nanoTime() - start) / 1_000_000,
                    cluster.nodes);
            return cluster;
        } catch (Exception | Error e) {
            cluster.collectLogs("startup");
            cluster.close();
            throw e;
        }
    }

    /** Unpacks one more node (node-N+1), not started. */
    PhoenixNodeProcess add() throws IOException, InterruptedException {
        PhoenixNodeProcess node = new PhoenixNodeProcess(nodes.size() + 1, root.resolve("node-" + (nodes.size() + 1)));
        node.unpack(distribution);
        nodes.add(node);
        return node;
    }

    PhoenixNodeProcess node(int index) {
        return nodes.get(index - 1);
    }

    List<PhoenixNodeProcess> nodes() {
        return List.copyOf(nodes);
    }

    List<PhoenixNodeProcess> running() {
        return nodes.stream().filter(PhoenixNodeProcess::alive).toList();
    }

    /** Waits until every running node answers over SSH, has the counter type, and sees {@code servers} servers. */
    void awaitFormed(int servers) {
        for (PhoenixNodeProcess node : running()) {
            awaitReady(node, servers);
        }
    }

    /** Waits until {@code node} answers over SSH, has the counter type and sees {@code servers} servers. */
    void awaitReady(PhoenixNodeProcess node, int servers) {
        AtomicReference<Object> last = new AtomicReference<>("no answer over SSH yet");
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                if (!node.alive()) {
                    throw new AssertionError(node + " exited; see " + node.log());
                }
                if (!node.sshListening()) {
                    return false;
                }
                NodeShell.Result types;
                try {
                    types = node.exec("phoenix:type-list --no-format");
                } catch (IOException e) {
                    last.set("SSH port open, console failed: " + e); // said in the failure, if it lasts
                    return false;
                }
                last.set(types);
                if (!types.out().contains("counter")) {
                    return false;
                }
                OptionalInt seen = servers(node);
                last.set(seen.isPresent() ? seen.getAsInt() + " servers" : node.exec("phoenix:cluster-status"));
                return seen.orElse(-1) == servers;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(node + " not ready with " + servers + " servers within " + START_TIMEOUT
                    + "; last seen: " + last.get(), e);
        }
    }

    /**
     * The number of servers {@code node} sees: from {@code phoenix:cluster-status}, or, in a distribution without
     * the cluster bundle, from the grid's last topology line in karaf.log.
     */
    OptionalInt servers(PhoenixNodeProcess node) throws IOException {
        if (!Files.isDirectory(node.home.resolve("system/io/phoenix/io.phoenix.cluster"))) {
            Matcher l = LOG_SERVERS.matcher(node.lastLogLine("server(s)").orElse(""));
            return l.find() ? OptionalInt.of(Integer.parseInt(l.group(1))) : OptionalInt.empty();
        }
        Matcher m = SERVERS.matcher(node.exec("phoenix:cluster-status --no-format").out());
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** Stops {@code node} with SIGTERM (kill -9 after 30 s) and starts it again; waits until it is back. */
    void restart(PhoenixNodeProcess node, int servers) throws IOException {
        node.stop(Duration.ofSeconds(30));
        node.start();
        awaitFormed(servers);
    }

    /** Copies every node's karaf.log and console output to target/cluster-logs/{@code name}/. */
    void collectLogs(String name) {
        Path dir = Paths.get(required("phoenix.it.clusterLogs")).resolve(name);
        for (PhoenixNodeProcess node : nodes) {
            try {
                node.collectLogs(dir);
            } catch (IOException e) {
                System.out.println("could not copy the logs of " + node + ": " + e);
            }
        }
        System.out.println("CLUSTER: logs of " + nodes + " copied to " + dir);
    }

    /** Stops every node (SIGCONT + SIGTERM, kill -9 after 20 s) and checks that no JVM of them is left. */
    @Override
    public void close() {
        nodes.parallelStream().forEach(node -> node.stop(Duration.ofSeconds(20)));
        List<PhoenixNodeProcess> left = nodes.stream().filter(PhoenixNodeProcess::alive).toList();
        left.forEach(PhoenixNodeProcess::kill);
        if (nodes.stream().anyMatch(PhoenixNodeProcess::alive)) {
            throw new IllegalStateException("JVMs still alive after kill -9: " + running());
        }
        System.out.println("CLUSTER: all node JVMs ended: " + nodes);
    }

    static synchronized void recordPid(long pid, Path home) throws IOException {
        Path file = Paths.get(required("phoenix.it.clusterDirectory")).resolve("pids");
        Files.writeString(file, pid + " " + home.toAbsolutePath() + "\n", UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** kill -9 of the JVMs an earlier, killed test run left: recorded PIDs whose command line names their node. */
    private static void killLeftovers(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        for (String line : Files.readAllLines(pidFile, UTF_8)) {
            String[] parts = line.split(" ", 2);
            if (parts.length < 2) {
                continue;
            }
            long pid = Long.parseLong(parts[0]);
            Path cmdline = Paths.get("/proc", parts[0], "cmdline");
            ProcessHandle.of(pid).ifPresent(handle -> {
                try {
                    String command = Files.readString(cmdline, UTF_8);
                    if (command.contains("-Dkaraf.home=" + parts[1])) {
                        System.out.println("CLUSTER: kill -9 of a leftover node JVM, PID " + pid + " " + parts[1]);
                        handle.destroyForcibly();
                        handle.onExit().get();
                    }
                } catch (Exception e) {
                    // gone meanwhile, or not ours
                }
            });
        }
        Files.delete(pidFile);
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + property + " is not set (run through mvn verify)");
        }
        return value;
    }
}
