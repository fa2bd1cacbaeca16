package io.phoenix.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.itests.throwing.FailingAgentType;
import io.phoenix.itests.throwing.ItestState;
import io.phoenix.itests.throwing.ThrowingAgentType;
import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.NodeStatus;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * One node, shared by its tests: the feature set, a counter type hot-deployed and used from the shell, and
 * broken bundles that must not harm the node. Each test leaves deploy/ with at most the counter in it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeIT extends PhoenixTestSupport {

    private static final List<String> PHOENIX_BUNDLES =
            List.of("io.phoenix.agent.api", "io.phoenix.runtime.core", "io.phoenix.runtime.shell");
    private static final List<String> COMMANDS = List.of("type-list", "agent-spawn", "agent-list", "agent-call",
            "agent-cast", "agent-state", "agent-stop", "status");

    /** fileinstall polls deploy/ every second; a few seconds is what a user may expect. */
    private static final Duration HOT_DEPLOY_WAIT = Duration.ofSeconds(15);

    @Inject
    private FeaturesService features;
    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Test
    public void featureSetInstallsARunningNode() throws Exception {
        for (String feature : List.of("phoenix", "phoenix-core", "phoenix-shell", "scr")) {
            assertTrue(feature + " installed", features.isInstalled(features.getFeature(feature)));
        }
        assertNotNull("phoenix-examples available offline", features.getFeature("phoenix-examples"));
        assertFalse("phoenix-examples not installed", features.isInstalled(features.getFeature("phoenix-examples")));
        for (String bsn : PHOENIX_BUNDLES) {
            awaitBundle(bsn, Bundle.ACTIVE);
        }
        assertNotNull(bundleContext.getServiceReference(AgentRuntime.class));
        assertNotNull(bundleContext.getServiceReference(RuntimeManagement.class));
        for (String command : COMMANDS) {
            awaitCommand("phoenix:" + command);
        }
        CommandResult status = execute("phoenix:status");
        assertNull(status.toString(), status.failure());
        assertFalse(status.toString(), status.out().isBlank());

        // The distribution around it: commented runtime config, loopback SSH, examples ready to copy.
        Path etc = Paths.get(System.getProperty("karaf.etc"));
        String runtimeCfg = Files.readString(etc.resolve("io.phoenix.runtime.core.cfg"));
        assertTrue(runtimeCfg, runtimeCfg.contains("dispatcher.threads"));
        assertEquals("127.0.0.1",
                configurationAdmin.getConfiguration("org.apache.karaf.shell", null).getProperties().get("sshHost"));
        Path examples = Paths.get(System.getProperty("karaf.home"), "examples");
        for (String jar : List.of("counter-1.0.jar", "counter-2.0.jar", "kv-store.jar", "chat-room.jar")) {
            assertTrue(jar, Files.isRegularFile(examples.resolve(jar)));
        }
    }

    @Test
    public void hotDeployedCounterIsUsableFromTheShell() throws Exception {
        deployCounter();
        String id = uniqueId("c1");

        CommandResult types = execute("phoenix:type-list");
        assertTrue(types.toString(), types.failure() == null && types.out().contains("counter"));
        CommandResult spawn = execute("phoenix:agent-spawn counter " + id);
        assertNull(spawn.toString(), spawn.failure());
        CommandResult inc = execute("phoenix:agent-call " + id + " '{\"op\":\"inc\",\"by\":2}'");
        assertNull(inc.toString(), inc.failure());
        assertTrue(inc.toString(), inc.out().replace(" ", "").contains("\"value\":2"));
        CommandResult state = execute("phoenix:agent-state " + id);
        assertNull(state.toString(), state.failure());
        assertTrue(state.toString(), state.out().replace(" ", "").contains("\"value\":2"));

        CommandResult malformed = execute("phoenix:agent-call " + id + " '{\"op\":'");
        assertOneClearLine(malformed, "json");
        String unknown = uniqueId("no-such-agent");
        CommandResult missing = execute("phoenix:agent-call " + unknown + " '{\"op\":\"get\"}'");
        assertOneClearLine(missing, unknown);
        assertEquals("a failed call changes nothing", 2, value(call(id, "{\"op\":\"get\"}", CALL_TIMEOUT)));
    }

    @Test
    public void brokenBundlesDoNotHarmTheNode() throws Exception {
        deployCounter();
        String id = uniqueId("survivor");
        runtime.spawnJson("counter", id, null).toCompletableFuture().get();
        assertEquals(1, value(call(id, "{\"op\":\"inc\",\"by\":1}", CALL_TIMEOUT)));

        // A bundle importing a package nobody exports: installed, never resolved.
        Manifest unresolvable = manifest("io.phoenix.itests.unresolvable");
        unresolvable.getMainAttributes().putValue("Import-Package", "io.phoenix.does.not.exist;version=\"[1,2)\"");
        Path tmp = Files.createTempDirectory(Paths.get(System.getProperty("karaf.data")), "itest");
        deploy(writeJar(tmp.resolve("unresolvable.jar"), unresolvable, Map.of()), "unresolvable.jar");
        // A bundle whose agent type fails every message, and whose other DS component cannot be created.
        Manifest throwing = manifest("io.phoenix.itests.throwing");
        throwing.getMainAttributes().putValue("Import-Package", "io.phoenix.agent.api;version=\"[1.0,2)\"");
        throwing.getMainAttributes().putValue("Service-Component", "OSGI-INF/throwing.xml,OSGI-INF/failing.xml");
        deploy(writeJar(tmp.resolve("throwing.jar"), throwing, throwingEntries()), "throwing.jar");
        long[] counted = {1};
        try {
            Bundle broken = await("unresolvable bundle installed").atMost(WAIT)
                    .until(() -> bundle("io.phoenix.itests.unresolvable").orElse(null), b -> b != null);
            awaitBundle("io.phoenix.itests.throwing", Bundle.ACTIVE);
            AgentTypeInfo type = awaitType(ThrowingAgentType.TYPE, AgentTypeInfo::available, "available");
            assertEquals("io.phoenix.itests.throwing", type.bundle());

            String victim = uniqueId("thrower");
            runtime.spawnJson(ThrowingAgentType.TYPE, victim, null).toCompletableFuture().get();
            try {
                call(victim, "{\"any\":1}", CALL_TIMEOUT);
                fail("a call to an agent whose turn throws must fail");
            } catch (AgentFailedException expected) {
                // documented: the caller gets AgentFailedException, the agent restarts from committed state
            }
            // For a few seconds: the broken bundle stays INSTALLED, the counter keeps answering, the runtime is fine.
            await("node unharmed").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(300)).until(() -> {
                        boolean counterAnswers = value(call(id, "{\"op\":\"inc\",\"by\":1}", CALL_TIMEOUT)) == ++counted[0];
                        return counterAnswers && broken.getState() == Bundle.INSTALLED
                                && PHOENIX_BUNDLES.stream().allMatch(b -> bundle(b).map(Bundle::getState).orElse(0) == Bundle.ACTIVE);
                    });
            assertTrue("the failing component never became a type", management.type(FailingAgentType.TYPE).isEmpty());
            NodeStatus status = management.status();
            assertTrue(status.toString(), status.types() >= 2 && status.agents() >= 2);
        } finally {
            undeploy("unresolvable.jar");
            undeploy("throwing.jar");
        }
        await("broken bundles uninstalled").atMost(WAIT).until(() ->
                bundle("io.phoenix.itests.unresolvable").isEmpty() && bundle("io.phoenix.itests.throwing").isEmpty());
        assertEquals("the counter still answers with its value", counted[0],
                value(call(id, "{\"op\":\"get\"}", CALL_TIMEOUT)));
    }

    /** Deploys counter 1.x as deploy/counter.jar once per container; the type must be live within seconds. */
    private void deployCounter() throws IOException {
        if (!Files.exists(deployDir().resolve("counter.jar"))) {
            long start = System.nanoTime();
            deploy(counterJar(1), "counter.jar");
            await("counter type live after hot deploy").atMost(HOT_DEPLOY_WAIT)
                    .until(() -> management.type("counter").map(AgentTypeInfo::available).orElse(false));
            System.out.printf("HOT DEPLOY: counter type available %d ms after the copy%n",
                    (System.nanoTime() - start) / 1_000_000);
        }
        awaitType("counter", AgentTypeInfo::available, "available");
    }

    /** One line, naming what went wrong, and no stack trace. */
    private static void assertOneClearLine(CommandResult result, String mustMention) {
        String shown = result.visible().strip();
        assertFalse(result.toString(), shown.isEmpty());
        assertEquals("one line: " + result, 1, shown.lines().count());
        assertFalse("no stack trace: " + result, shown.contains("\tat ") || shown.contains("Exception:"));
        assertTrue("mentions " + mustMention + ": " + result,
                shown.toLowerCase(Locale.ROOT).contains(mustMention.toLowerCase(Locale.ROOT)));
    }

    private static Path writeJar(Path target, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return target;
    }

    private static Manifest manifest(String symbolicName) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        return manifest;
    }

    /** The classes of package io.phoenix.itests.throwing (compiled with the tests) and two DS descriptors. */
    private static Map<String, byte[]> throwingEntries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Class<?> c : List.of(ThrowingAgentType.class, FailingAgentType.class, ItestState.class)) {
            String path = c.getName().replace('.', '/') + ".class";
            try (InputStream in = c.getClassLoader().getResourceAsStream(path)) {
                entries.put(path, in.readAllBytes());
            }
        }
        entries.put("OSGI-INF/throwing.xml", component("io.phoenix.itests.throwing.type", ThrowingAgentType.class));
        entries.put("OSGI-INF/failing.xml", component("io.phoenix.itests.throwing.failing", FailingAgentType.class));
        return entries;
    }

    private static byte[] component(String name, Class<?> implementation) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name + "\">\n"
                + "  <implementation class=\"" + implementation.getName() + "\"/>\n"
                + "  <service><provide interface=\"io.phoenix.agent.api.AgentType\"/></service>\n"
                + "</scr:component>\n").getBytes(StandardCharsets.UTF_8);
    }
}
