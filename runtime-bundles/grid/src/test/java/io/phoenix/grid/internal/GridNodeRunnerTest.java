package io.phoenix.grid.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.phoenix.grid.GridSettings;
import io.phoenix.grid.GridStatus;
import io.phoenix.grid.GridStatus.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Ignite 2.17 nodes in this JVM (not Karaf), on free loopback ports: lifecycle, publication, joins, the
 * Phoenix version check, and foreign node detection.
 */
class GridNodeRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final GridSettings FALLBACK = new GridSettings("phoenix", "none", 1, true, 1024, Duration.ofSeconds(3));

    @TempDir
    Path work;
    private final List<GridNodeRunner> runners = new ArrayList<>();

    @AfterEach
    void stopAll() {
        runners.forEach(GridNodeRunner::close);
        assertTrue(Ignition.allGrids().isEmpty(), "no Ignite node left behind: " + Ignition.allGrids());
    }

    @Test
    void startsOffTheCallerJoinsServesAndStopsWithoutLeftovers() {
        Recorder publisher = new Recorder();
        GridNodeRunner runner = runner(publisher);
        int disco = freePort();
        NodeSettings settings = settings("solo", "1.0.0", disco, List.of("127.0.0.1:" + disco));

        runner.start(settings);
        assertEquals(State.STARTING, runner.status().state(), "start returns before the node runs");
        GridStatus joined = awaitState(runner, State.JOINED);
        assertEquals(1, joined.servers());
        assertEquals("solo", joined.nodeId());
        assertEquals("1.0.0", joined.phoenixVersion());
        assertTrue(joined.igniteVersion().startsWith("2.17.0"), joined.igniteVersion());
        assertTrue(joined.healthy(), joined.toString());
        assertNull(joined.lastError());

        Ignite ignite = publisher.current;
        assertNotNull(ignite, "published once joined");
        IgniteCache<String, String> cache = ignite.getOrCreateCache(runner.settings().cacheConfiguration("t"));
        cache.put("k", "v");
        assertEquals("v", cache.get("k"));
        assertEquals("1.0.0", ignite.cluster().localNode().attribute(VersionCheck.ATTR_PHOENIX_VERSION));

        runner.close();
        assertEquals(State.STOPPED, runner.status().state());
        assertEquals(1, publisher.withdrawals);
        assertNull(publisher.current);
        assertTrue(Ignition.allGrids().isEmpty());
    }

    @Test
    void twoNodesOfOneVersionFormOneCluster() {
        int a = freePort();
        int b = freePort();
        List<String> both = List.of("127.0.0.1:" + a, "127.0.0.1:" + b);
        GridNodeRunner first = runner(new Recorder());
        first.start(settings("a", "1.0.0", a, both));
        awaitState(first, State.JOINED);
        GridNodeRunner second = runner(new Recorder());
        long start = System.nanoTime();
        second.start(settings("b", "1.0.0", b, both));
        awaitState(second, State.JOINED);
        System.out.printf("JOIN: second node joined in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(2, second.status().servers());
        await().atMost(WAIT).until(() -> first.status().servers() == 2);
        // Both nodes are members of each other: the probe finds nothing foreign.
        await().during(Duration.ofMillis(2500)).atMost(WAIT).until(() -> first.status().healthy() && second.status().healthy());
    }

    @Test
    void aNodeOfAnotherPhoenixVersionIsRefusedAndFormsNoSecondCluster() {
        int a = freePort();
        int b = freePort();
        List<String> both = List.of("127.0.0.1:" + a, "127.0.0.1:" + b);
        GridNodeRunner cluster = runner(new Recorder());
        cluster.start(settings("v1-node", "1.0.0", a, both));
        awaitState(cluster, State.JOINED);

        Recorder newcomerPublisher = new Recorder();
        GridNodeRunner newcomer = runner(newcomerPublisher);
        newcomer.start(settings("v2-node", "2.0.0", b, both));
        GridStatus refused = awaitState(newcomer, State.FAILED);
        System.out.println("MISMATCH (joining node): " + refused.lastError());
        assertTrue(refused.lastError().contains("Phoenix version 2.0.0 differs from this cluster's 1.0.0"),
                refused.lastError());
        assertEquals(0, refused.servers());
        assertNull(newcomerPublisher.current, "a refused node is never published");
        assertTrue(Ignition.allGrids().stream().noneMatch(g -> g.name().equals("v2-node")), "no second cluster");

        GridStatus admitted = cluster.status();
        System.out.println("MISMATCH (cluster side): " + admitted.lastError());
        assertEquals(State.JOINED, admitted.state());
        assertEquals(1, admitted.servers());
        assertTrue(admitted.lastError().contains("refused node v2-node"), admitted.lastError());
    }

    @Test
    void aSecondNodeWithTheSameIdIsRefused() {
        int a = freePort();
        int b = freePort();
        List<String> both = List.of("127.0.0.1:" + a, "127.0.0.1:" + b);
        GridNodeRunner first = runner(new Recorder());
        first.start(settings("twin", "1.0.0", a, both));
        awaitState(first, State.JOINED);
        // One node per JVM in production; here the second twin needs another Ignite instance name to start at all.
        NodeSettings twin = settings("twin", "1.0.0", b, both);
        IgniteConfiguration config = IgniteConfigFactory.create(twin, new VersionCheck("phoenix", "1.0.0", m -> { }))
                .setIgniteInstanceName("twin-2").setWorkDirectory(work.resolve("twin-2").toString());
        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            try (Ignite unexpected = Ignition.start(config)) {
                fail("a second node with the same id joined: " + unexpected.name());
            }
        });
        String reason = GridNodeRunner.reason(failure);
        System.out.println("DUPLICATE ID: " + reason);
        assertTrue(reason.contains("node id") && reason.contains("PHOENIX_NODE_ID"), reason);
        assertEquals(1, first.status().servers());
    }

    @Test
    void versionCheckComparesClusterNamePhoenixAndIgniteVersions() {
        VersionCheck check = new VersionCheck("phoenix", "1.0.0", m -> { });
        String ignite = VersionCheck.localIgniteVersion();
        assertNull(check.mismatch("phoenix", "1.0.0", ignite));
        assertTrue(check.mismatch("blue", "1.0.0", ignite).contains("cluster name 'blue'"));
        assertTrue(check.mismatch("phoenix", null, ignite).contains("Phoenix version null"));
        assertTrue(check.mismatch("phoenix", "1.0.0", "2.18.0").contains("Ignite version 2.18.0"));
    }

    @Test
    void closeDuringAStartWaitsForItAndLeavesNoNode() {
        Recorder publisher = new Recorder();
        GridNodeRunner runner = runner(publisher);
        int disco = freePort();
        runner.start(settings("hasty", "1.0.0", disco, List.of("127.0.0.1:" + disco)));
        runner.close(); // while the node is starting
        assertEquals(State.STOPPED, runner.status().state());
        assertEquals(publisher.publications, publisher.withdrawals, "whatever was published was withdrawn");
        assertTrue(Ignition.allGrids().isEmpty(), "no orphan node");
    }

    @Test
    void newSettingsRestartTheNode() {
        Recorder publisher = new Recorder();
        GridNodeRunner runner = runner(publisher);
        int disco = freePort();
        NodeSettings first = settings("restarted", "1.0.0", disco, List.of("127.0.0.1:" + disco));
        runner.start(first);
        awaitState(runner, State.JOINED);
        Ignite before = publisher.current;

        GridSettings grid = first.grid();
        runner.start(new NodeSettings(new GridSettings(grid.clusterName(), grid.nodeId(), 0, false, 64,
                grid.failureDetectionTimeout()), first.localAddress(), first.discoveryAddresses(), first.discoveryPort(),
                0, freePort(), 0, 32, first.workDirectory(), first.phoenixVersion(), Map.of("zone", "z2"), 0, true, TlsSettings.OFF));
        await().atMost(WAIT).until(() -> publisher.publications == 2 && runner.status().state() == State.JOINED);
        assertNotSame(before, publisher.current);
        assertEquals(1, publisher.withdrawals);
        assertEquals(0, runner.settings().backups());
        assertEquals(Map.of("zone", "z2"), io.phoenix.grid.NodeAttributes.of(publisher.current.cluster().localNode()));
    }

    @Test
    void anIncompatibleListenerOnADiscoveryAddressIsReported() throws IOException {
        ServerSocket incompatible = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        try {
            // Behaves as an Ignite 2.18 node does with a 2.17 header: reads it and closes the connection.
            ForeignNodeProbeTest.acceptor(incompatible, true);
            int disco = freePort();
            GridNodeRunner runner = new GridNodeRunner(new Recorder(), FALLBACK, 500);
            runners.add(runner);
            String foreign = "127.0.0.1:" + incompatible.getLocalPort();
            runner.start(settings("watcher", "1.0.0", disco, List.of("127.0.0.1:" + disco, foreign)));
            GridStatus joined = awaitState(runner, State.JOINED);
            assertEquals(1, joined.servers(), "the node runs alone, as it would next to a 2.18 node");
            GridStatus flagged = await().atMost(WAIT).until(runner::status, s -> !s.foreignNodes().isEmpty());
            assertEquals(List.of(foreign), flagged.foreignNodes());
            assertTrue(flagged.lastError().contains(foreign), flagged.lastError());
            assertFalse(flagged.healthy());

            incompatible.close(); // the foreign node goes away: the condition, and its error, end
            GridStatus cleared = await().atMost(WAIT).until(runner::status, s -> s.foreignNodes().isEmpty());
            assertNull(cleared.lastError());
            assertTrue(cleared.healthy());
        } finally {
            incompatible.close();
        }
    }

    @Test
    void reasonsAreOneLineAndPreferOurOwnMessage() {
        RuntimeException nested = new RuntimeException("Failed to start manager",
                new IllegalStateException("Failed to start SPI", new IllegalStateException(
                        VersionCheck.PREFIX + "cluster 'phoenix' refused this node: Phoenix version 2 differs\nmore")));
        assertEquals("cluster 'phoenix' refused this node: Phoenix version 2 differs", GridNodeRunner.reason(nested));
        assertEquals("IllegalStateException: port taken",
                GridNodeRunner.reason(new RuntimeException("outer", new IllegalStateException("port taken"))));
        String tls = GridNodeRunner.reason(new RuntimeException("Failed to start manager", new RuntimeException(
                "Unable to establish secure connection. Was remote cluster configured with SSL? [rmtAddr=/10.0.0.12:47500,"
                        + " errMsg=\"No trusted certificate found\"]",
                new javax.net.ssl.SSLHandshakeException("No trusted certificate found"))));
        assertTrue(tls.startsWith("the TLS handshake with the node at 10.0.0.12:47500 failed (No trusted certificate"), tls);
    }

    @Test
    void withTlsOnlyNodesHoldingAKeySignedByTheClusterCaJoin() throws Exception {
        long t0 = System.nanoTime();
        TestCertificates clusterCa = new TestCertificates(work, "cluster-ca");
        TestCertificates foreignCa = new TestCertificates(work, "foreign-ca");
        int a = freePort();
        int b = freePort();
        int c = freePort();
        List<String> all = List.of("127.0.0.1:" + a, "127.0.0.1:" + b, "127.0.0.1:" + c);
        Path memberKey = clusterCa.keyStore("member"); // one key for both members: Ignite does not check names
        Path intruderKey = foreignCa.keyStore("intruder");
        System.out.printf("TLS: keys made in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        GridNodeRunner first = runner(new Recorder());
        first.start(withTls(settings("tls-a", "1.0.0", a, all), memberKey, clusterCa.trustStore()));
        awaitState(first, State.JOINED);
        Recorder secondPublisher = new Recorder();
        GridNodeRunner second = runner(secondPublisher);
        second.start(withTls(settings("tls-b", "1.0.0", b, all), memberKey, clusterCa.trustStore()));
        assertEquals(2, awaitState(second, State.JOINED).servers());
        IgniteCache<String, String> cache = secondPublisher.current.getOrCreateCache(second.settings().cacheConfiguration("tls"));
        cache.put("k", "over TLS");

        // Signed by another CA, though it trusts the cluster's CA: the members refuse its certificate (client
        // authentication), it cannot join and runs alone; the members report it on their discovery addresses.
        Path both = work.resolve("both-trust.p12");
        java.nio.file.Files.copy(foreignCa.trustStore(), both);
        TestCertificates.importCa(both, work.resolve("cluster-ca.pem"));
        GridNodeRunner intruder = runner(new Recorder());
        intruder.start(withTls(settings("intruder", "1.0.0", c, all), intruderKey, both));
        // Depending on when the members' bad_certificate alert reaches it, it fails its start, or takes the closed
        // connections for absent nodes and runs alone: never in the cluster.
        GridStatus outcome = await().atMost(WAIT).until(intruder::status, s -> s.state() != State.STARTING);
        System.out.printf("TLS (foreign certificate, trusts the cluster CA) at %d ms: %s%n",
                (System.nanoTime() - t0) / 1_000_000, outcome);
        if (outcome.state() == State.FAILED) {
            assertTrue(outcome.lastError().startsWith("the TLS handshake with the node at"), outcome.toString());
        } else {
            assertEquals(1, outcome.servers(), "alone, not in the cluster");
            await().atMost(WAIT).until(() -> first.status().foreignNodes().contains("127.0.0.1:" + c));
            System.out.println("TLS: a member sees: " + first.status().lastError());
        }
        assertEquals(2, first.status().servers());
        intruder.close();

        // Signed by another CA and trusting only that one: its own handshake fails, it stays down.
        GridNodeRunner foreign = runner(new Recorder());
        foreign.start(withTls(settings("foreign", "1.0.0", c, all), intruderKey, foreignCa.trustStore()));
        GridStatus refused = awaitState(foreign, State.FAILED);
        System.out.printf("TLS (foreign certificate) at %d ms: %s%n", (System.nanoTime() - t0) / 1_000_000, refused.lastError());
        assertTrue(refused.lastError().matches("the TLS handshake with the node at 127\\.0\\.0\\.1:(" + a + "|" + b
                + ") failed .*"), refused.lastError());
        foreign.close();

        GridNodeRunner plain = runner(new Recorder());
        plain.start(settings("plain", "1.0.0", c, all));
        GridStatus plainStatus = await().atMost(WAIT).until(plain::status, s -> s.state() != State.STARTING);
        System.out.println("TLS (plain node): " + plainStatus);
        assertEquals(State.FAILED, plainStatus.state(), plainStatus.toString());
        assertTrue(plainStatus.lastError().contains(" uses TLS and this node does not"), plainStatus.toString());
        plain.close();

        assertEquals(2, first.status().servers());
        assertEquals(2, second.status().servers());
        assertEquals("over TLS", cache.get("k"));
    }

    private static NodeSettings withTls(NodeSettings s, Path keyStore, Path trustStore) {
        return new NodeSettings(s.grid(), s.localAddress(), s.discoveryAddresses(), s.discoveryPort(),
                s.discoveryPortRange(), s.communicationPort(), s.communicationPortRange(), s.dataRegionMb(),
                s.workDirectory(), s.phoenixVersion(), s.attributes(), s.quorumSize(), s.rejoinAfterSegmentation(),
                new TlsSettings(true, keyStore, TestCertificates.PASSWORD, "PKCS12", trustStore,
                        TestCertificates.PASSWORD, "PKCS12", "TLSv1.3"));
    }

    private GridNodeRunner runner(Recorder publisher) {
        GridNodeRunner runner = new GridNodeRunner(publisher, FALLBACK);
        runners.add(runner);
        return runner;
    }

    @Test
    void aNodeWithoutQuorumIsNotPublishedUntilEnoughServersAreThere() {
        int a = freePort();
        int b = freePort();
        List<String> both = List.of("127.0.0.1:" + a, "127.0.0.1:" + b);
        Recorder firstPublisher = new Recorder();
        GridNodeRunner first = runner(firstPublisher);
        first.start(settings("qa", "1.0.0", a, both, 2));
        GridStatus alone = awaitState(first, State.NO_QUORUM);
        assertEquals(1, alone.servers());
        assertTrue(alone.lastError().contains("no quorum: this node sees 1 server(s), quorum.size is 2"),
                alone.lastError());
        assertNull(firstPublisher.current, "a node without quorum serves nothing");

        GridNodeRunner second = runner(new Recorder());
        second.start(settings("qb", "1.0.0", b, both, 2));
        awaitState(second, State.JOINED);
        awaitState(first, State.JOINED);
        assertNotNull(firstPublisher.current, "published once quorum is there");
        assertNull(first.status().lastError());

        second.close();
        awaitState(first, State.NO_QUORUM);
        assertNull(firstPublisher.current, "withdrawn when quorum is lost");
        assertEquals(1, firstPublisher.withdrawals);

        GridNodeRunner again = runner(new Recorder());
        again.start(settings("qb2", "1.0.0", b, both, 2));
        awaitState(first, State.JOINED);
        assertEquals(2, firstPublisher.publications);
    }

    private NodeSettings settings(String nodeId, String phoenixVersion, int discoveryPort, List<String> addresses) {
        return settings(nodeId, phoenixVersion, discoveryPort, addresses, 0);
    }

    private NodeSettings settings(String nodeId, String phoenixVersion, int discoveryPort, List<String> addresses,
                                  int quorum) {
        return new NodeSettings(new GridSettings("phoenix", nodeId, 1, true, 64, Duration.ofSeconds(3)), "127.0.0.1",
                addresses, discoveryPort, 0, freePort(), 0, 32, work.resolve(nodeId), phoenixVersion,
                Map.of("zone", "z1"), quorum, true, TlsSettings.OFF);
    }

    private static GridStatus awaitState(GridNodeRunner runner, State state) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(runner::status, s -> s.state() == state);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records publications the way the OSGi component would register and unregister the service. */
    static final class Recorder implements GridNodeRunner.Publisher {
        volatile Ignite current;
        volatile int publications;
        volatile int withdrawals;

        @Override
        public void publish(Ignite ignite, NodeSettings settings) {
            current = ignite;
            publications++;
        }

        @Override
        public void withdraw() {
            if (current != null) {
                withdrawals++;
            }
            current = null;
        }
    }
}
