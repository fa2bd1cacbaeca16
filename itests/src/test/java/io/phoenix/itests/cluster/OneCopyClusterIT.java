package io.phoenix.itests.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;

/**
 * The README's cluster quick start as a test: three {@code bin/phoenix-node N start} of ONE unpacked copy. Each
 * fresh boot (new data directories, same copy) must leave the copy's etc/ byte-identical and every node listening
 * exactly where it is configured — nothing more, nothing on another address. Also: {@code config:property-set}
 * persists in the node's own configuration across a restart without touching etc/, and a node configured to bind SSH
 * and HTTP to 0.0.0.0 refuses to start while the shipped passwords work (and starts once they are changed).
 *
 * <p>Boots per run: {@code phoenix.it.oneCopyBoots} (1 in the default build; 10 for the long run, see
 * docs/operations.md).
 */
public class OneCopyClusterIT {

    private static final int NODES = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static OneCopyNodes copy;
    private static Map<String, String> shipped;

    @Rule
    public final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            copy.collectLogs(d.getTestClass().getSimpleName() + "." + d.getMethodName());
        }
    };

    @BeforeClass
    public static void unpack() throws Exception {
        copy = OneCopyNodes.unpack(Paths.get(PhoenixCluster.required("phoenix.it.clusterDirectory"), "one-copy"));
        shipped = OneCopyNodes.checksums(copy.home.resolve("etc"));
    }

    @AfterClass
    public static void stopAll() throws Exception {
        if (copy != null) {
            copy.close();
        }
    }

    /** Every test starts from fresh data directories and ends with every node stopped. */
    @Before
    public void freshNodes() throws Exception {
        copy.close();
        PhoenixNodeProcess.deleteRecursively(copy.home.resolve("nodes"));
    }

    @After
    public void stopNodes() throws Exception {
        copy.close();
    }

    @Test
    public void freshBootsLeaveEtcUnchangedAndListenOnlyWhereConfigured() throws Exception {
        int boots = Integer.getInteger("phoenix.it.oneCopyBoots", 1);
        List<String> report = new ArrayList<>();
        for (int boot = 1; boot <= boots; boot++) {
            if (boot > 1) {
                PhoenixNodeProcess.deleteRecursively(copy.home.resolve("nodes"));
            }
            for (int n = 1; n <= NODES; n++) {
                for (int port : ports(n)) {
                    assertFalse("port " + port + " is taken by another process", PhoenixNodeProcess.listening(port));
                }
            }
            long start = System.nanoTime();
            // Started back to back, as in the issue: the nodes boot at the same time from the same etc/.
            for (int n = 1; n <= NODES; n++) {
                OneCopyNodes.Run run = copy.script(n, "start");
                assertEquals(run.toString(), 0, run.exitCode());
            }
            for (int n = 1; n <= NODES; n++) {
                OneCopyNodes.Run run = copy.script(n, "wait");
                assertEquals(run.toString(), 0, run.exitCode());
            }
            long readyMillis = (System.nanoTime() - start) / 1_000_000;
            for (int n = 1; n <= NODES; n++) {
                assertListeningExactly(n, expectedListeners(n, "127.0.0.1"));
                assertListenersLogged(n);
            }
            try (NodeShell shell = NodeShell.connect(8101 + 1, WAIT)) {
                await("3 servers and the counter type on phoenix-1").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> shell.exec("phoenix:cluster-nodes --no-format", WAIT).out()
                                .matches("(?s).*phoenix-1.*phoenix-2.*phoenix-3.*")
                                && shell.exec("phoenix:type-list --no-format", WAIT).out().contains("counter"));
                // phoenix:status and GET /api/cluster list the same listeners
                Map<String, String> status = ClusterTestSupport.properties(shell.exec("phoenix:status --no-format", WAIT));
                String cluster = body(8181 + 1, "viewer", "viewer");
                listenerNames(1).forEach((port, name) -> {
                    assertEquals(status.toString(), "127.0.0.1:" + port, status.get("Listener " + name));
                    assertTrue(cluster, cluster.contains("{\"name\":\"" + name + "\",\"address\":\"127.0.0.1\",\"port\":"
                            + port + ",\"configured\":true}"));
                });
            }
            String listeners = copy.pid(1) + ": " + OneCopyNodes.listening(copy.pid(1));
            for (int n = NODES; n >= 1; n--) {
                copy.stop(n);
            }
            assertEquals("etc/ after boot " + boot, shipped, OneCopyNodes.checksums(copy.home.resolve("etc")));
            String line = String.format("boot %d/%d: 3 nodes ready in %d ms, every listener as configured (phoenix-1 %s),"
                    + " etc/ unchanged", boot, boots, readyMillis, listeners);
            System.out.println("ONE-COPY: " + line);
            report.add(line);
        }
        System.out.println("ONE-COPY: " + boots + " of " + boots + " boots passed");
        assertEquals(boots, report.size());
    }

    @Test
    public void configEditsPersistInTheNodesOwnConfigurationAcrossARestart() throws Exception {
        startAndWait(2, Map.of());
        try (NodeShell shell = NodeShell.connect(8101 + 2, WAIT)) {
            NodeShell.Result set = shell.exec("config:property-set -p io.phoenix.placement type.kv least-loaded", WAIT);
            assertTrue(set.toString(), set.err().isEmpty());
        }
        Path own = copy.nodeDir(2).resolve("etc/io.phoenix.placement.cfg");
        assertTrue(Files.readString(own, UTF_8), Files.readString(own, UTF_8).contains("type.kv = least-loaded"));
        assertEquals(shipped, OneCopyNodes.checksums(copy.home.resolve("etc")));

        copy.stop(2);
        startAndWait(2, Map.of());
        try (NodeShell shell = NodeShell.connect(8101 + 2, WAIT)) {
            NodeShell.Result list = shell.exec("config:property-list -p io.phoenix.placement", WAIT);
            assertTrue(list.toString(), list.out().contains("type.kv = least-loaded"));
        }
        assertEquals(shipped, OneCopyNodes.checksums(copy.home.resolve("etc")));
    }

    @Test
    public void aNodeExposedWithTheShippedPasswordsRefusesToStart() throws Exception {
        int n = 4;
        Map<String, String> exposed = Map.of("ORG_APACHE_KARAF_SHELL_SSHHOST", "0.0.0.0",
                "ORG_OPS4J_PAX_WEB_ORG_OPS4J_PAX_WEB_LISTENING_ADDRESSES", "0.0.0.0");
        OneCopyNodes.Run refused = copy.script(n, exposed, "start", "--wait");
        assertNotEquals(refused.toString(), 0, refused.exitCode());
        List<String> errors = refused.output().lines().filter(l -> l.contains("ERROR")).toList();
        assertEquals(refused.toString(), 1, errors.size());
        assertTrue(errors.get(0), errors.get(0).startsWith("ERROR Phoenix: refusing to start: SSH on 0.0.0.0 and HTTP"
                + " on 0.0.0.0 (not loopback)") && errors.get(0).contains("phoenix/phoenix, viewer/viewer"));
        assertFalse(copy.alive(n));
        assertFalse(PhoenixNodeProcess.listening(8101 + n));
        assertFalse(PhoenixNodeProcess.listening(8181 + n));

        // The operator changes both passwords in the node's own users.properties, one as a digest, one in clear
        // text (which Karaf replaces by its digest when the node starts): it starts.
        Path users = copy.nodeDir(n).resolve("etc/users.properties");
        String text = Files.readString(users, UTF_8)
                .replace(crypt("phoenix"), "admin-secret-4")
                .replace(crypt("viewer"), crypt("viewer-secret-4"));
        Files.writeString(users, text, UTF_8);
        startAndWait(n, exposed);
        Set<String> expected = expectedListeners(n, "127.0.0.1");
        expected.remove("127.0.0.1:" + (8101 + n));
        expected.remove("127.0.0.1:" + (8181 + n));
        expected.add("0.0.0.0:" + (8101 + n));
        expected.add("0.0.0.0:" + (8181 + n));
        assertListeningExactly(n, expected);

        // Connections go to 127.0.0.1 only. The new passwords work, the shipped ones do not.
        try (NodeShell shell = NodeShell.connect(8101 + n, "phoenix", "admin-secret-4", WAIT)) {
            assertTrue(shell.exec("phoenix:status --no-format", WAIT).out().contains("phoenix-" + n));
        }
        assertThrows(IOException.class, () -> NodeShell.connect(8101 + n, "phoenix", "phoenix", WAIT).close());
        // Karaf writes the digest in upper case; either case is accepted at login.
        String stored = Files.readString(users, UTF_8).toLowerCase(java.util.Locale.ROOT);
        assertTrue(stored, stored.contains(crypt("admin-secret-4").toLowerCase(java.util.Locale.ROOT)));
        assertEquals(200, get(8181 + n, "viewer", "viewer-secret-4"));
        assertEquals(401, get(8181 + n, "viewer", "viewer"));
        assertEquals(shipped, OneCopyNodes.checksums(copy.home.resolve("etc")));
    }

    private static void startAndWait(int n, Map<String, String> environment) throws Exception {
        OneCopyNodes.Run run = copy.script(n, environment, "start", "--wait");
        assertEquals(run.toString(), 0, run.exitCode());
        assertTrue(run.toString(), run.output().contains("phoenix-" + n + " ready"));
    }

    /** The ports bin/phoenix-node gives node N: SSH, HTTP, JMX registry and server, grid discovery, communication. */
    private static List<Integer> ports(int n) {
        return List.of(8101 + n, 8181 + n, 1099 + n, 44444 + n, 47500 + n, 47100 + n);
    }

    /** Port to listener name, as the node logs and lists them. */
    private static Map<Integer, String> listenerNames(int n) {
        return Map.of(8101 + n, "SSH", 8181 + n, "HTTP", 1099 + n, "JMX RMI registry", 44444 + n, "JMX RMI server",
                47500 + n, "grid discovery", 47100 + n, "grid communication");
    }

    /** Node N's karaf.log has one INFO line per listener, naming its address. */
    private static void assertListenersLogged(int n) {
        Path log = copy.nodeDir(n).resolve("log/karaf.log");
        await("listener lines in " + log).atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> lines = Files.readAllLines(log, UTF_8).stream()
                    .filter(l -> l.contains("Phoenix listener:")).toList();
            assertEquals(lines.toString(), listenerNames(n).size(), lines.size());
            listenerNames(n).forEach((port, name) -> assertTrue(lines.toString(), lines.stream().anyMatch(l ->
                    l.contains("INFO") && l.endsWith("Phoenix listener: " + name + " on 127.0.0.1:" + port))));
        });
    }

    private static Set<String> expectedListeners(int n, String address) {
        Set<String> expected = new java.util.TreeSet<>();
        ports(n).forEach(p -> expected.add(address + ":" + p));
        return expected;
    }

    /** Waits (bounded) until node N's JVM listens on exactly {@code expected}; fails with what it listens on. */
    private static void assertListeningExactly(int n, Set<String> expected) throws Exception {
        long pid = copy.pid(n);
        AtomicReference<Set<String>> seen = new AtomicReference<>(Set.of());
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                seen.set(OneCopyNodes.listening(pid));
                return seen.get().equals(expected);
            });
        } catch (ConditionTimeoutException e) {
            assertEquals("listeners of phoenix-" + n + " (pid " + pid + ")", expected, seen.get());
        }
    }

    private static String crypt(String password) {
        return "{CRYPT}" + OneCopyNodes.sha256(password.getBytes(UTF_8)) + "{CRYPT}";
    }

    private static int get(int port, String user, String password) throws Exception {
        return cluster(port, user, password).statusCode();
    }

    private static String body(int port, String user, String password) throws Exception {
        HttpResponse<String> response = cluster(port, user, password);
        assertEquals(response.body(), 200, response.statusCode());
        return response.body();
    }

    /** GET /api/cluster on 127.0.0.1:{@code port} with Basic authentication. */
    private static HttpResponse<String> cluster(int port, String user, String password) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cluster"))
                .header("Authorization", "Basic " + auth).timeout(WAIT).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
    }
}
