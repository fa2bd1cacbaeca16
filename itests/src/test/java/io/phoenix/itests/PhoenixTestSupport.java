package io.phoenix.itests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Boots the real Phoenix distribution (the karaf-assembly tar.gz) under Pax Exam and gives the tests what they
 * need inside it: the runtime services, in-process shell commands with their output, hot deploy through
 * {@code deploy/}, and bounded waits. Test classes share one container each (PerClass), so every test uses
 * its own agent ids ({@link #uniqueId}).
 */
public abstract class PhoenixTestSupport {

    /** Upper bound of every wait for something asynchronous (bundle, type, command) to happen. */
    protected static final Duration WAIT = Duration.ofSeconds(30);
    /** Timeout of agent calls made by the tests. */
    protected static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /** How long after its timeout a call's stage may take to complete before the test calls it a hang. */
    private static final long STAGE_GRACE_MS = 5_000;
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*(-?\\d+)");

    @Inject
    protected BundleContext bundleContext;
    @Inject
    @Filter(timeout = 60_000)
    protected AgentRuntime runtime;
    @Inject
    @Filter(timeout = 60_000)
    protected RuntimeManagement management;
    @Inject
    @Filter(timeout = 60_000)
    protected SessionFactory sessionFactory;

    /** The container: our distribution, offline, plus what the probe needs (Awaitility). */
    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    private Option gridPorts() {
        int discovery = freePort();
        String grid = "etc/io.phoenix.grid.cfg";
        return composite(
                editConfigurationFilePut(grid, "discovery.addresses", "127.0.0.1:" + discovery),
                editConfigurationFilePut(grid, "discovery.port", String.valueOf(discovery)),
                editConfigurationFilePut(grid, "discovery.port.range", "0"),
                editConfigurationFilePut(grid, "communication.port", String.valueOf(freePort())),
                editConfigurationFilePut(grid, "communication.port.range", "0"));
    }

    /**
     * The container's HTTP server (REST API and the other /api, /metrics... servlets) gets a free port of its own, so
     * it never meets a node running on this host (8181) or another container; tests read it with {@link #httpPort()}.
     */
    private Option httpPortOption() {
        String port = String.valueOf(freePort());
        return composite(editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port),
                systemProperty("phoenix.it.httpPort").value(port));
    }

    /** @return the HTTP port of this container (inside the container, where the tests run) */
    protected static int httpPort() {
        return Integer.parseInt(required("phoenix.it.httpPort"));
    }

    /** A free loopback port (the OS picks it). */
    protected static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Option[] baseConfig() {
        String karafVersion = required("phoenix.it.karafVersion");
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(required("phoenix.it.distribution")).toURI().toString())
                        .name("Phoenix")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                // Kept for post-mortems (target/exam/<uuid>/data/log/karaf.log); mvn clean removes them.
                keepRuntimeFolder(),
                logLevel(LogLevel.INFO),
                // No local console; no SSH server either, so parallel runs and a running node never clash on 8101.
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                // The distribution is offline: Pax Exam's own bundles come from the build's local repository.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        required("phoenix.it.localRepository")),
                // The container's grid gets free ports of its own and looks for no one else, so neither a node
                // running on this host (47500..47509) nor another test's cluster can join it.
                gridPorts(),
                httpPortOption(),
                mavenBundle("org.hamcrest", "hamcrest", required("phoenix.it.hamcrestVersion")),
                mavenBundle("org.awaitility", "awaitility", required("phoenix.it.awaitilityVersion")),
                systemProperty("phoenix.it.counterV1").value(required("phoenix.it.counterV1")),
                systemProperty("phoenix.it.counterV2").value(required("phoenix.it.counterV2")),
                // Pax Exam starts the JVM itself, without bin/karaf and bin/setenv: repeat their Java 17 options.
                vmOptions("-Xmx512m", "-Djava.security.manager=allow",
                        "--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                        "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                        "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                        "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"),
                // ... and the ones of the distribution's bin/setenv (the data grid's needs).
                vmOptions("--add-opens=java.base/java.nio=ALL-UNNAMED",
                        "--add-opens=java.base/java.time=ALL-UNNAMED",
                        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                        "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED",
                        "-Djava.net.preferIPv4Stack=true",
                        "-DIGNITE_ENABLE_OBJECT_INPUT_FILTER_AUTOCONFIGURATION=false",
                        "-DIGNITE_UPDATE_NOTIFIER=false"));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + property + " is not set (run through mvn verify)");
        }
        return value;
    }

    // ---- agents and types ----------------------------------------------------------------------------------

    /** An agent id no other test uses. */
    protected static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits until the runtime knows type {@code name} and it satisfies {@code condition}; returns it. */
    protected AgentTypeInfo awaitType(String name, Predicate<AgentTypeInfo> condition, String what) {
        return await("type " + name + " " + what).atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> management.type(name).orElse(null), t -> t != null && condition.test(t));
    }

    /** Calls an agent with JSON and waits for the reply; a failure is thrown unwrapped (an AgentException). */
    protected String call(String agentId, String json, Duration timeout) {
        try {
            return runtime.callJson(agentId, json, timeout).toCompletableFuture()
                    .get(timeout.toMillis() + STAGE_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("the runtime did not complete a call to " + agentId + " within its timeout ("
                    + timeout.toMillis() + " ms) + " + STAGE_GRACE_MS + " ms");
        } catch (ExecutionException e) {
            throw asRuntime(e.getCause());
        }
    }

    /** The failure inside a stage, without CompletionException/ExecutionException wrappers. */
    protected static RuntimeException asRuntime(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /** The {@code "value"} of a counter reply such as {"value":7}. */
    protected static long value(String json) {
        Matcher m = VALUE.matcher(json);
        if (!m.find()) {
            throw new AssertionError("no \"value\" in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    // ---- bundles and hot deploy ----------------------------------------------------------------------------

    protected static Path counterJar(int majorVersion) {
        return Paths.get(System.getProperty(majorVersion == 1 ? "phoenix.it.counterV1" : "phoenix.it.counterV2"));
    }

    protected static Path deployDir() {
        return Paths.get(System.getProperty("karaf.base"), "deploy");
    }

    /**
     * Puts {@code jar} into deploy/ as {@code fileName}, replacing a file of that name (fileinstall then updates
     * the same bundle). Written next to it first and renamed, so fileinstall never sees half a jar.
     */
    protected static void deploy(Path jar, String fileName) throws IOException {
        Path tmp = Files.createTempFile(Paths.get(System.getProperty("karaf.data")), "deploy-", ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, deployDir().resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    protected static void undeploy(String fileName) throws IOException {
        Files.deleteIfExists(deployDir().resolve(fileName));
    }

    protected Optional<Bundle> bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    protected Bundle awaitBundle(String symbolicName, int state) {
        return await(symbolicName + " in state " + state).atMost(WAIT)
                .until(() -> bundle(symbolicName).orElse(null), b -> b != null && b.getState() == state);
    }

    // ---- shell ---------------------------------------------------------------------------------------------

    /** What one shell command printed, and what it threw. */
    protected record CommandResult(String command, String out, String err, Throwable failure) {

        /** What a console user sees: the output, then the line Karaf prints for a command that threw. */
        public String visible() {
            String shown = out + err;
            if (failure != null) {
                shown += "Error executing command: "
                        + (failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName()) + "\n";
            }
            return shown;
        }

        @Override
        public String toString() {
            return "$ " + command + "\n" + visible();
        }
    }

    /** Runs a command in-process, as a console session would, once the command is registered. */
    protected CommandResult execute(String command) {
        return execute(command, null);
    }

    /**
     * Runs a command in-process as {@code subject} (as Karaf runs an SSH or console session: inside
     * {@code Subject.doAs}), or without a subject when it is {@code null}.
     */
    protected CommandResult execute(String command, javax.security.auth.Subject subject) {
        awaitCommand(command.trim().split("\\s+")[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, UTF_8);
        PrintStream errStream = new PrintStream(err, true, UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), outStream, errStream);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Object> result = executor.submit(() -> subject == null ? session.execute(command)
                    : javax.security.auth.Subject.doAs(subject,
                            (java.security.PrivilegedExceptionAction<Object>) () -> session.execute(command)));
            Throwable failure = null;
            try {
                Object value = result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (value != null) {
                    outStream.println(value);
                }
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            outStream.flush();
            errStream.flush();
            CommandResult shown = new CommandResult(command, out.toString(UTF_8), err.toString(UTF_8), failure);
            System.out.print(shown); // the transcript lands in the build log
            return shown;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("command did not finish within " + WAIT + ": " + command, e);
        } finally {
            executor.shutdownNow();
            session.close();
        }
    }

    /** Waits until a command such as {@code phoenix:agent-list} is registered. */
    protected void awaitCommand(String scopedName) {
        int colon = scopedName.indexOf(':');
        String scope = colon > 0 ? scopedName.substring(0, colon) : "*";
        String name = colon > 0 ? scopedName.substring(colon + 1) : scopedName;
        await("command " + scopedName).atMost(WAIT)
                .until(() -> sessionFactory.getRegistry().getCommand(scope, name) != null);
    }
}
