package io.phoenix.itests.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Nodes run the way the README's cluster quick start runs them: several {@code bin/phoenix-node N} of ONE unpacked
 * copy of the distribution, on the script's own ports (SSH 8101+N, HTTP 8181+N, JMX 1099+N / 44444+N, grid
 * 47500+N / 47100+N). Unlike {@link PhoenixCluster}, which gives every node a copy of its own, the nodes here share
 * the copy's etc/ template, deploy/ and system/. Every JVM started is stopped on {@link #close()} (the script's
 * stop, then kill -9 of the PID from the node's karaf.pid) and recorded for a later run's leftover cleanup.
 */
final class OneCopyNodes implements AutoCloseable {

    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern SS_PID = Pattern.compile("pid=(\\d+),");

    final Path home;
    private final Set<Integer> started = new TreeSet<>();
    private final Map<Integer, Long> pids = new TreeMap<>();

    private OneCopyNodes(Path home) {
        this.home = home;
    }

    /** A fresh unpacked copy in {@code dir} (replacing an old one), with the counter in deploy/. */
    static OneCopyNodes unpack(Path dir) throws IOException, InterruptedException {
        PhoenixNodeProcess.deleteRecursively(dir);
        Files.createDirectories(dir);
        PhoenixNodeProcess.run("tar", "xzf", PhoenixCluster.required("phoenix.it.distribution"), "-C", dir.toString(),
                "--strip-components=1");
        Files.copy(dir.resolve("examples/counter-1.0.jar"), dir.resolve("deploy/counter.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        return new OneCopyNodes(dir);
    }

    /** What one run of {@code bin/phoenix-node} did. */
    record Run(List<String> command, int exitCode, String output) {
        @Override
        public String toString() {
            return "$ " + String.join(" ", command) + " -> " + exitCode + "\n" + output;
        }
    }

    /**
     * Runs {@code bin/phoenix-node N ARGS...} with {@code environment} on top of this JVM's environment (without
     * any Phoenix/Karaf variable of its own), and waits for the script to end.
     */
    Run script(int node, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/phoenix-node").toString(),
                Integer.toString(node)));
        command.addAll(List.of(args));
        File output = Files.createTempFile(home, "phoenix-node-", ".out").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(output);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("PHOENIX_") || k.startsWith("ORG_APACHE_KARAF_")
                || k.startsWith("ORG_OPS4J_") || k.startsWith("KARAF_") || k.equals("EXTRA_JAVA_OPTS"));
        env.put("PHOENIX_HEAP", System.getProperty("phoenix.it.clusterHeap", "512m"));
        // Three JVMs booting at once on a loaded 2-core machine took up to 84 s to be ready (load average 25):
        // more room than the script's default 120 s, within SCRIPT_TIMEOUT.
        env.put("PHOENIX_START_WAIT", "170");
        env.putAll(environment);
        if (args.length > 0 && args[0].equals("start")) {
            started.add(node);
        }
        Process p = builder.start();
        boolean ended = p.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        recordPid(node);
        Run run = new Run(command, ended ? p.exitValue() : -1, Files.readString(output.toPath(), UTF_8));
        Files.delete(output.toPath());
        System.out.print("[one-copy] " + run + (run.output().endsWith("\n") ? "" : "\n"));
        return run;
    }

    Run script(int node, String... args) throws IOException, InterruptedException {
        return script(node, Map.of(), args);
    }

    /** The node's data directory, nodes/phoenix-N/. */
    Path nodeDir(int node) {
        return home.resolve("nodes/phoenix-" + node);
    }

    /** The PID of node N's JVM while it runs. */
    long pid(int node) throws IOException {
        Path file = nodeDir(node).resolve("karaf.pid");
        if (!Files.exists(file)) {
            return -1;
        }
        String text = Files.readString(file, UTF_8).trim();
        return text.isEmpty() ? -1 : Long.parseLong(text);
    }

    boolean alive(int node) throws IOException {
        long pid = pid(node);
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private void recordPid(int node) throws IOException {
        long pid = pid(node);
        if (pid > 0 && alive(node) && !Long.valueOf(pid).equals(pids.get(node))) {
            pids.put(node, pid);
            PhoenixCluster.recordPid(pid, home);
        }
    }

    /**
     * The TCP addresses a process listens on ({@code ss -ltnpH}, filtered by PID), e.g. {@code 127.0.0.1:8102}; IPv6
     * ones as {@code [::1]:8102}.
     */
    static Set<String> listening(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ss -ltnpH failed: " + out);
        }
        Set<String> addresses = new TreeSet<>();
        for (String line : out.split("\n")) {
            String[] cells = line.trim().split("\\s+");
            Matcher m = SS_PID.matcher(line);
            boolean ours = false;
            while (m.find()) {
                ours |= Long.parseLong(m.group(1)) == pid;
            }
            if (ours && cells.length >= 4) {
                addresses.add(cells[3]);
            }
        }
        return addresses;
    }

    /** SHA-256 of every file under {@code dir}, by relative path. */
    static Map<String, String> checksums(Path dir) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                sums.put(dir.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return sums;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies every node's karaf.log and karaf.out to target/cluster-logs/{@code name}/. */
    void collectLogs(String name) {
        Path dir = Path.of(PhoenixCluster.required("phoenix.it.clusterLogs")).resolve(name);
        for (int node : started) {
            for (String file : List.of("karaf.log", "karaf.out")) {
                Path log = nodeDir(node).resolve("log").resolve(file);
                try {
                    if (Files.exists(log)) {
                        Files.createDirectories(dir);
                        Files.copy(log, dir.resolve("phoenix-" + node + "-" + file), StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    System.out.println("could not copy " + log + ": " + e);
                }
            }
        }
    }

    /** Stops node N with the script (SIGTERM, waits), then kill -9 if its JVM is still there. */
    void stop(int node) throws IOException, InterruptedException {
        long pid = pid(node);
        if (pid > 0 && alive(node)) {
            script(node, Map.of("PHOENIX_STOP_WAIT", "30"), "stop");
            ProcessHandle.of(pid).ifPresent(h -> {
                if (h.isAlive()) {
                    System.out.println("[one-copy] phoenix-" + node + " still runs after stop: kill -9 " + pid);
                    h.destroyForcibly();
                    h.onExit().join();
                }
            });
        }
    }

    /** Stops every node ever started here; fails if a JVM of them is left. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (int node : started) {
            stop(node);
        }
        for (int node : started) {
            if (alive(node)) {
                throw new IllegalStateException("phoenix-" + node + " (pid " + pid(node) + ") still runs");
            }
        }
    }
}
