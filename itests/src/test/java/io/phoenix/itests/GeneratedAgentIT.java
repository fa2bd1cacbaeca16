package io.phoenix.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.phoenix.agent.api.BadMessageException;
import io.phoenix.runtime.management.AgentTypeInfo;
import java.io.File;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The starter kit end to end: the bundle of the project that agent-archetype's integration test generated from
 * the archetype and built ("wallet", see agent-archetype/src/test/resources/projects/wallet) deploys through
 * deploy/ and serves, untouched, in the real distribution.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GeneratedAgentIT extends PhoenixTestSupport {

    /** Where agent-archetype's integration test leaves the generated project's jar (the reactor builds it first). */
    private static final String GENERATED_JAR = "../agent-archetype/target/test-classes/projects/wallet/project/"
            + "wallet-agent/target/wallet-agent-1.0.0-SNAPSHOT.jar";

    @Configuration
    @Override
    public Option[] config() {
        File jar = new File(GENERATED_JAR).getAbsoluteFile();
        if (!jar.isFile()) {
            throw new IllegalStateException("no generated agent bundle at " + jar + ": build agent-archetype with its "
                    + "integration test first (mvn install -pl agent-archetype, without -DskipTests)");
        }
        return options(composite(super.config()), systemProperty("phoenix.it.generatedAgent").value(jar.getPath()));
    }

    @Test
    public void theGeneratedBundleDeploysAndServes() throws Exception {
        deploy(Paths.get(System.getProperty("phoenix.it.generatedAgent")), "wallet.jar");
        AgentTypeInfo type = awaitType("wallet", AgentTypeInfo::available, "available");
        assertEquals("1.0.0.SNAPSHOT", type.version());
        Bundle bundle = awaitBundle("com.example.agents.wallet-agent", Bundle.ACTIVE);
        assertNull("the agent's package stays private", bundle.getHeaders().get("Export-Package"));

        String id = uniqueId("wallet");
        runtime.spawnJson("wallet", id, null).toCompletableFuture().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("{\"value\":2}", call(id, "{\"op\":\"add\",\"amount\":2}", CALL_TIMEOUT));
        BadMessageException refused = assertThrows(BadMessageException.class,
                () -> call(id, "{\"op\":\"add\",\"amount\":-1}", CALL_TIMEOUT));
        assertEquals("amount must be positive, was -1", refused.getMessage());

        CommandResult shell = execute("phoenix:agent-call " + id + " '{\"op\":\"add\",\"amount\":5}'");
        assertTrue(shell.toString(), shell.out().contains("{\"value\":7}"));
        assertEquals("{\"value\":7}", runtime.stateJson(id).toCompletableFuture()
                .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
}
