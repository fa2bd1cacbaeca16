package io.phoenix.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.phoenix.grid.GridNode;
import io.phoenix.grid.GridStatus;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.inject.Inject;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The grid inside the distribution, one container for all tests: the phoenix feature boots a single-node grid,
 * the Ignite service is registered once the node has joined, caches work, and a configuration change restarts the
 * node. Like every container of these tests, its grid gets free ports of its own (see PhoenixTestSupport).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GridIT extends PhoenixTestSupport {

    @Inject
    @Filter(timeout = 90_000)
    private GridNode grid;
    @Inject
    private FeaturesService features;
    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Test
    public void theDistributionBootsAJoinedSingleNodeGrid() throws Exception {
        assertTrue(features.isInstalled(features.getFeature("phoenix-grid")));
        Bundle bundle = awaitBundle("io.phoenix.grid", Bundle.ACTIVE);
        GridStatus status = awaitJoined();
        System.out.println("GRID: " + status);
        assertEquals(1, status.servers());
        assertTrue(status.toString(), status.healthy());
        assertNull(status.lastError());
        assertEquals(bundle.getVersion().toString(), status.phoenixVersion());
        assertTrue(status.igniteVersion(), status.igniteVersion().startsWith("2.17.0"));
        assertEquals(System.getProperty("karaf.name"), status.nodeId());

        ServiceReference<Ignite> reference = bundleContext.getServiceReference(Ignite.class);
        assertNotNull("Ignite service registered once joined", reference);
        assertEquals(status.nodeId(), reference.getProperty("phoenix.node.id"));
        assertEquals("phoenix", reference.getProperty("phoenix.cluster.name"));
        assertEquals("registered by the grid bundle", bundle, reference.getBundle());
        Ignite ignite = bundleContext.getService(reference);
        try {
            assertEquals(status.nodeId(), ignite.cluster().localNode().consistentId());
            assertEquals(1, ignite.cluster().forServers().nodes().size());
        } finally {
            bundleContext.ungetService(reference);
        }
        // The distribution ships the configuration in etc/ (rewritten by this test's port options, comments gone).
        String cfg = Files.readString(Paths.get(System.getProperty("karaf.etc"), "io.phoenix.grid.cfg"));
        assertTrue(cfg, cfg.contains("replication") && cfg.contains("discovery.addresses"));
        assertEquals(1, grid.settings().backups());
        assertTrue(grid.settings().synchronous());
    }

    @Test
    public void aCachePutIsReadBack() {
        awaitJoined();
        useIgnite(ignite -> {
            String name = uniqueId("itest-cache");
            IgniteCache<String, String> cache = ignite.getOrCreateCache(grid.settings().cacheConfiguration(name));
            try {
                cache.put("k", "v");
                assertEquals("v", cache.get("k"));
                assertEquals(1, cache.getConfiguration(org.apache.ignite.configuration.CacheConfiguration.class)
                        .getBackups());
            } finally {
                cache.destroy();
            }
        });
    }

    @Test
    public void aConfigurationChangeRestartsTheNode() throws Exception {
        awaitJoined();
        Ignite before = withIgnite(ignite -> ignite);
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration("io.phoenix.grid", null);
        Dictionary<String, Object> original = configuration.getProperties();
        Dictionary<String, Object> changed = copy(original);
        changed.put("backups", "2");
        long start = System.nanoTime();
        configuration.update(changed);
        try {
            await("grid restarted with 2 backups").atMost(WAIT).until(
                    () -> grid.settings().backups() == 2 && grid.status().state() == GridStatus.State.JOINED
                            && withIgnite(ignite -> ignite) != before);
            System.out.printf("GRID: restarted after a configuration change in %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertNotSame(before, withIgnite(ignite -> ignite));
            assertEquals(1, grid.status().servers());
        } finally {
            configuration.update(copy(original));
            await("grid back to 1 backup").atMost(WAIT).until(
                    () -> grid.settings().backups() == 1 && grid.status().state() == GridStatus.State.JOINED);
        }
    }

    private GridStatus awaitJoined() {
        return await("grid node joined").atMost(WAIT).until(grid::status,
                s -> s.state() == GridStatus.State.JOINED && bundleContext.getServiceReference(Ignite.class) != null);
    }

    /** Runs {@code action} with the Ignite service registered now (it is a new instance after each restart). */
    private <T> T withIgnite(java.util.function.Function<Ignite, T> action) {
        ServiceReference<Ignite> reference = await("Ignite service").atMost(WAIT)
                .until(() -> bundleContext.getServiceReference(Ignite.class), r -> r != null);
        Ignite ignite = bundleContext.getService(reference);
        try {
            return action.apply(ignite);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private void useIgnite(java.util.function.Consumer<Ignite> action) {
        withIgnite(ignite -> {
            action.accept(ignite);
            return null;
        });
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (String key : java.util.Collections.list(properties.keys())) {
            copy.put(key, properties.get(key));
        }
        return copy;
    }

}
