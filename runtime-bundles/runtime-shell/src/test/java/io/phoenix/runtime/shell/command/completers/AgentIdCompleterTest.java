package io.phoenix.runtime.shell.command.completers;

import static io.phoenix.runtime.shell.command.completers.AgentTypeCompleterTest.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.agent.api.AgentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AgentIdCompleterTest {

    private final AgentRuntime runtime = mock(AgentRuntime.class);
    private final AgentIdCompleter completer = new AgentIdCompleter();
    private final TreeSet<String> ids = new TreeSet<>();

    AgentIdCompleterTest() {
        completer.setRuntime(runtime);
        // A runtime that lists the ids above in order, as AgentRuntime.list does.
        when(runtime.list(any())).thenAnswer(call -> {
            AgentQuery query = call.getArgument(0);
            List<String> page = (query.afterId() == null ? ids : ids.tailSet(query.afterId(), false)).stream()
                    .limit(query.limit() + 1L).toList();
            boolean more = page.size() > query.limit();
            List<AgentInfo> agents = page.stream().limit(query.limit())
                    .map(id -> new AgentInfo(id, "counter", "1.0.0", "n", AgentStatus.ACTIVE, 0, 0)).toList();
            return new AgentPage(agents, more ? agents.get(agents.size() - 1).id() : null);
        });
    }

    @Test
    void completesIdsStartingWithWhatWasTyped() {
        ids.addAll(List.of("a1", "b", "c0", "c1", "c10", "c2", "d1"));
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typed("c1"), candidates);
        assertEquals(List.of("c1", "c10"), candidates.stream().map(String::trim).sorted().toList());
    }

    @Test
    void offersAtMostAThousandIdsAndReadsFewPages() {
        IntStream.range(0, 5_000).forEach(i -> ids.add(String.format("agent-%05d", i)));
        ids.add("zzz");
        List<String> found = completer.idsStartingWith("agent-");
        assertEquals(AgentIdCompleter.MAX_CANDIDATES, found.size());
        assertEquals("agent-00000", found.get(0));
        assertEquals(List.of(), completer.idsStartingWith("nobody"));
        assertEquals(List.of("zzz"), completer.idsStartingWith("z"));
        verify(runtime, atMost(10)).list(any());
    }

    @Test
    void startsTheListingJustBeforeThePrefix() {
        assertNull(AgentIdCompleter.justBefore(""));
        String cursor = AgentIdCompleter.justBefore("c1");
        assertTrue(cursor.compareTo("c1") < 0);
        assertTrue(cursor.compareTo("c0zzzz") > 0);
        assertEquals("c", AgentIdCompleter.justBefore("c\u0000"));
    }
}
