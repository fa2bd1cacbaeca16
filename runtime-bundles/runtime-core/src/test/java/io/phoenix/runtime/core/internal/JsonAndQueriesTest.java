package io.phoenix.runtime.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.runtime.core.internal.TestAgents.Counter;
import io.phoenix.runtime.core.internal.TestAgents.Recorder;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonAndQueriesTest extends RuntimeTestSupport {

    @Test
    void jsonCallsDecodeIntoTheTypesMessageClassAndEncodeTheReply() {
        register(new Counter(), TestAgents.V1);
        join(runtime.spawnJson("counter", "c1", "{\"value\":40}"));

        assertEquals("{\"value\":42}", join(runtime.callJson("c1", "{\"op\":\"inc\",\"by\":2}", TIMEOUT)));
        assertEquals("{\"value\":42}", join(runtime.stateJson("c1")));
    }

    @Test
    void malformedOrOversizedJsonIsRejectedUpFront() {
        register(new Counter(), TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));

        assertThrows(BadMessageException.class, () -> runtime.castJson("c1", "{nope"));
        assertInstanceOf(BadMessageException.class,
                TurnsAndMailboxTest.failure(runtime.spawnJson("counter", "c2", "[1,")));
        String huge = "{\"op\":\"" + "x".repeat(2 << 20) + "\"}";
        assertInstanceOf(BadMessageException.class, TurnsAndMailboxTest.failure(runtime.callJson("c1", huge, TIMEOUT)));
    }

    @Test
    void listingPagesThroughEveryAgentOnceInIdOrder() {
        register(new Counter(), TestAgents.V1);
        register(new Recorder(), TestAgents.V1);
        for (int i = 0; i < 1_000; i++) {
            join(runtime.spawn(i % 2 == 0 ? "counter" : "recorder", String.format("a%05d", i), null));
        }

        Set<String> seen = new HashSet<>();
        String cursor = null;
        String previous = "";
        do {
            AgentPage page = runtime.list(new AgentQuery("counter", cursor, 77));
            for (var agent : page.agents()) {
                assertEquals("counter", agent.type());
                assertEquals(true, agent.id().compareTo(previous) > 0);
                previous = agent.id();
                seen.add(agent.id());
            }
            cursor = page.nextCursor();
        } while (cursor != null);

        assertEquals(500, seen.size());
        assertNull(runtime.list(new AgentQuery(null, "a99999", 10)).nextCursor());
        assertEquals(1_000, runtime.status().agents());
    }
}
