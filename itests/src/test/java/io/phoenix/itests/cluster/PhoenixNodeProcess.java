package io.phoenix.itests.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Phoenix node as a real process: its own unpacked copy of the distribution, its own ports, started with
 * {@code bin/karaf server} and {@code KARAF_EXEC=exec} so that the child process IS the JVM (its PID is the one
 * to signal). Supports kill -9, SIGSTOP/SIGCONT, SIGTERM and restart. Every JVM started here is also killed by a
 * shutdown hook, and its PID is recorded by {@link PhoenixCluster} so that a later run can end it if this JVM
 * itself was killed.
 *
 * <p>Ports follow {@code bin/phoenix-node}'s scheme (base + node index, same environment variables) on bases
 * of their own, so that a developer's nodes on the default ports never join the test cluster.
 */
final class PhoenixNodeProcess {

    /** Shifts every port (-Dphoenix.it.portOffset=1000), so a long run can go on beside another test cluster. */
    static final int OFFSET = Integer.getInteger("phoenix.it.portOffset", 0);
    static final int SSH_BASE = 18100 + OFFSET;
    static final int RMI_REGISTRY_BASE = 11000 + OFFSET;
    static final int HTTP_BASE = 18180 + OFFSET;
    static final int RMI_SERVER_BASE = 14400 + OFFSET;
    static final int DISCOVERY_BASE = 28500 + OFFSET;
    static final int COMMUNICATION_BASE = 28100 + OFFSET;
    /** Every node looks for the others here; node indexes 1..9. */
    static final String DISCOVERY_ADDRESSES = "127.0.0.1:" + DISCOVERY_BASE + ".." + (DISCOVERY_BASE + 9);
    static final String CLUSTER_NAME = "phoenix-it";
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private static final Set<PhoenixNodeProcess> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(PhoenixNodeProcess::kill),
                "phoenix-cluster-cleanup"));
    }

    final int index;
    final String id;
    final Path home;
    /** Further environment variables of the node's JVM (e.g. PHOENIX_NODE_ATTRIBUTES), set before {@link #start}. */
    final Map<String, String> environment = new ConcurrentHashMap<>();
    /** The system user the JVM runs as ({@link PathCutter} cuts paths per user), or {@code null}: this one. */
    volatile String user;
    private volatile Process process;
    private volatile NodeShell shell;

    PhoenixNodeProcess(int index, Path home) {
        this.index = index;
        this.id = "node-" + index;
        this.home = home;
    }

    int sshPort() {
        return SSH_BASE + index;
    }

    /** Unpacks the distribution into {@link #home} (replacing an old copy) and drops the counter into deploy/. */
    void unpack(Path distribution) throws IOException, InterruptedException {
        deleteRecursively(home);
        Files.createDirectories(home);
        run("tar", "xzf", distribution.toString(), "-C", home.toString(), "--strip-components=1");
        Files.copy(home.resolve("examples/counter-1.0.jar"), home.resolve("deploy/counter.jar"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts the node's JVM (data/ is kept: a restart after a kill or stop reuses the bundle cache). */
    synchronized void start() throws IOException {
        try {
            startProcess();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + id, e);
        }
    }

    private void startProcess() throws IOException, InterruptedException {
        if (alive()) {
            throw new IllegalStateException(id + " is already running as PID " + pid());
        }
        for (int port : List.of(sshPort(), RMI_REGISTRY_BASE + index, RMI_SERVER_BASE + index,
                DISCOVERY_BASE + index, COMMUNICATION_BASE + index)) {
            if (listening(port)) {
                throw new IllegalStateException("port " + port + " of " + id + " is taken by another process");
            }
        }
        List<String> command = new java.util.ArrayList<>();
        if (user != null) {
            // setpriv execs: the process started here is still the node's JVM (KARAF_EXEC=exec).
            command.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--clear-groups", "--"));
        }
        command.addAll(List.of(home.resolve("bin/karaf").toString(), "server"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("karaf.out").toFile()));
        Map<String, String> env = builder.environment();
        env.put("KARAF_EXEC", "exec");
        env.put("PHOENIX_NODE_ID", id);
        env.put("PHOENIX_CLUSTER_NAME", CLUSTER_NAME);
        env.put("PHOENIX_DISCOVERY_ADDRESSES", DISCOVERY_ADDRESSES);
        env.put("PHOENIX_DISCOVERY_PORT", Integer.toString(DISCOVERY_BASE + index));
        env.put("PHOENIX_DISCOVERY_PORT_RANGE", "0");
        env.put("PHOENIX_COMMUNICATION_PORT", Integer.toString(COMMUNICATION_BASE + index));
        env.put("PHOENIX_COMMUNICATION_PORT_RANGE", "0");
        env.put("ORG_APACHE_KARAF_SHELL_SSHPORT", Integer.toString(sshPort()));
        env.put("ORG_OPS4J_PAX_WEB_ORG_OSGI_SERVICE_HTTP_PORT", Integer.toString(HTTP_BASE + index));
        env.put("ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT", Integer.toString(RMI_REGISTRY_BASE + index));
        env.put("ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT", Integer.toString(RMI_SERVER_BASE + index));
        env.put("PHOENIX_HEAP", System.getProperty("phoenix.it.clusterHeap", "512m"));
        env.putAll(environment);
        if (user != null) {
            env.put("HOME", home.toString());
            run("chown", "-R", user + ":" + user, home.toString());
        }
        process = builder.start();
        process.getOutputStream().close();
        STARTED.add(this);
        PhoenixCluster.recordPid(process.pid(), home);
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** kill -9: the JVM ends at once, its sockets close. Waits until it is gone. */
    void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            awaitExit(p, Duration.ofSeconds(10));
        }
        closeShell();
    }

    /** SIGSTOP: the JVM hangs with its sockets open, as in a long GC pause or a frozen VM. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: the paused JVM runs again. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** SIGTERM (after SIGCONT, in case it was paused), then kill -9 if it has not ended within {@code grace}. */
    void stop(Duration grace) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        closeShell();
        try {
            signal("CONT");
        } catch (IOException | InterruptedException e) {
            // it ends below either way
        }
        p.destroy();
        if (!awaitExit(p, grace)) {
            System.out.printf("%s: no exit %d s after SIGTERM, kill -9 PID %d%n", id, grace.toSeconds(), p.pid());
            kill();
        }
    }

    private boolean awaitExit(Process p, Duration timeout) {
        try {
            boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (ended) {
                STARTED.remove(this);
            }
            return ended;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (alive()) {
            run("kill", "-" + signal, Long.toString(pid()));
        }
    }

    /** @return the node's shared console connection, (re)connected when needed */
    synchronized NodeShell shell() throws IOException {
        if (shell == null || !shell.isOpen()) {
            shell = NodeShell.connect(sshPort(), Duration.ofSeconds(10));
        }
        return shell;
    }

    /** @return a new console connection of its own (for a load thread); the caller closes it */
    NodeShell openShell() throws IOException {
        return NodeShell.connect(sshPort(), Duration.ofSeconds(10));
    }

    /** Runs a command on the shared connection. */
    NodeShell.Result exec(String command) throws IOException {
        return shell().exec(command, COMMAND_TIMEOUT);
    }

    private synchronized void closeShell() {
        if (shell != null) {
            shell.close();
            shell = null;
        }
    }

    boolean sshListening() {
        return listening(sshPort());
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    /** Copies karaf.log and the JVM's console output to {@code dir} as node-N-*. */
    void collectLogs(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path file : List.of(log(), home.resolve("karaf.out"))) {
            if (Files.exists(file)) {
                Files.copy(file, dir.resolve(id + "-" + file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** @return the last line of karaf.log containing {@code text} */
    Optional<String> lastLogLine(String text) throws IOException {
        if (!Files.exists(log())) {
            return Optional.empty();
        }
        try (var lines = Files.lines(log())) {
            return lines.filter(l -> l.contains(text)).reduce((a, b) -> b);
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    static void deleteRecursively(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            run("rm", "-rf", dir.toString());
        }
    }

    @Override
    public String toString() {
        return id + "(pid " + pid() + ", ssh " + sshPort() + ")";
    }
}
