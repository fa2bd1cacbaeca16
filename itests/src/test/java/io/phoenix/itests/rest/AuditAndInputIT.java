package io.phoenix.itests.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.phoenix.agent.api.AgentQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 8, in the real distribution: the audit trail ({@code data/log/phoenix-audit.log}) records a REST spawn and a
 * shell stop with user and outcome, and agent bundle deployment; ids REST cannot address are refused by REST and the
 * shell alike; junk in {@code deploy/} gets one WARN per file, a real bundle none.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuditAndInputIT extends RestTestSupport {

    private static final String TYPE = "audit-it";

    @Before
    public void types() {
        awaitApi();
        registerType(TYPE, 1_000);
    }

    @After
    public void cleanup() {
        unregisterTypes();
    }

    private static Path logDir() {
        return Paths.get(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"));
    }

    private static String read(String file) {
        try {
            Path path = logDir().resolve(file);
            return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String awaitLine(String file, String text) {
        return await(file + " has '" + text + "'").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> read(file), log -> log.contains(text));
    }

    private static Subject user(String name) {
        return new Subject(true, Set.of(new UserPrincipal(name)), Set.of(), Set.of());
    }

    @Test
    public void aRestSpawnAndAShellStopAreInTheAuditFileWithUserAndOutcome() {
        String id = uniqueId("audit");
        Answer spawned = post("agents", "{\"type\":\"" + TYPE + "\",\"id\":\"" + id + "\"}");
        assertEquals(spawned.toString(), 201, spawned.status());
        CommandResult stopped = execute("phoenix:agent-stop " + id, user("phoenix"));
        assertTrue(stopped.toString(), stopped.out().contains("Stopped " + id));
        CommandResult again = execute("phoenix:agent-stop " + id, user("phoenix"));
        assertTrue(again.toString(), again.err().contains("agent_not_found"));

        awaitLine("phoenix-audit.log", "| user=phoenix source=rest action=spawn target=" + TYPE + "/" + id + " outcome=ok");
        awaitLine("phoenix-audit.log", "| user=phoenix source=shell action=stop target=" + id + " outcome=ok");
        awaitLine("phoenix-audit.log", "| user=phoenix source=shell action=stop target=" + id
                + " outcome=error:agent_not_found");
        assertFalse("audit lines stay out of karaf.log (additivity off)", read("karaf.log").contains("target=" + id));
    }

    @Test
    public void idsRestCannotAddressAreRefusedByRestAndTheShell() {
        String bad = "bad id/with slash";
        assertError(post("agents", "{\"type\":\"" + TYPE + "\",\"id\":\"" + bad + "\"}"), 400, "bad_message");
        CommandResult shell = execute("phoenix:agent-spawn " + TYPE + " \"" + bad + "\"", user("phoenix"));
        assertTrue(shell.toString(), shell.err().startsWith("Error: an agent id must not contain whitespace")
                && shell.err().contains("(bad_message)"));
        CommandResult slash = execute("phoenix:agent-spawn " + TYPE + " a/b", user("phoenix"));
        assertTrue(slash.toString(), slash.err().contains("must not contain '/'") && slash.err().contains("(bad_message)"));
        assertTrue(runtime.list(new AgentQuery(TYPE, null, 1_000)).agents().stream()
                .noneMatch(a -> a.id().contains("/")));
        awaitLine("phoenix-audit.log", "source=shell action=spawn target=" + TYPE + "/a/b outcome=error:bad_message");
    }

    @Test
    public void junkInDeployGetsOneWarningEachAndARealBundleNoneButAnAuditLine() throws Exception {
        Path deploy = deployDir();
        Path plain = deploy.resolve("plain-audit-it.jar");
        Path text = deploy.resolve("notes-audit-it.txt");
        Path broken = deploy.resolve("broken-audit-it.jar");
        try {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (OutputStream out = Files.newOutputStream(plain); JarOutputStream jar = new JarOutputStream(out, manifest)) {
                jar.flush();
            }
            Files.writeString(text, "not a bundle");
            Files.writeString(broken, "not a zip either");
            deploy(counterJar(1), "counter-audit-it.jar");

            awaitType("counter", t -> t.available(), "deployed from deploy/");
            awaitLine("phoenix-audit.log", "source=deploy action=deploy target=\"type counter ");
            assertTrue(read("phoenix-audit.log"), read("phoenix-audit.log").contains(" from counter-audit-it.jar\" outcome=ok"));
            for (String name : List.of("plain-audit-it.jar: a jar without OSGi headers",
                    "notes-audit-it.txt: not a bundle", "broken-audit-it.jar: not a jar")) {
                awaitLine("karaf.log", "Phoenix deploy: deploy/" + name);
            }
            // the check scans every 2 s: after two more scans there is still one warning per file, none for the bundle
            await("two more deploy scans").atMost(WAIT).pollDelay(Duration.ofMillis(4_500)).until(() -> true);
            String log = read("karaf.log");
            for (String name : List.of("plain-audit-it.jar", "notes-audit-it.txt", "broken-audit-it.jar")) {
                assertEquals(name, 1, count(log, "Phoenix deploy: deploy/" + name));
            }
            assertFalse(log, log.contains("Phoenix deploy: deploy/counter-audit-it.jar"));
            assertFalse("Karaf's own deploy/README is no junk", log.contains("Phoenix deploy: deploy/README"));
        } finally {
            for (Path file : List.of(plain, text, broken)) {
                Files.deleteIfExists(file);
            }
            undeploy("counter-audit-it.jar");
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
