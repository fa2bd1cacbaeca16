package io.phoenix.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentIdsTest {

    @Test
    void acceptsIdsRestAndTheShellCanAddress() {
        for (String id : new String[] {"c1", "user:42", "room-7_a.b", "Zoë", "a@b#c?d", "x".repeat(AgentIds.MAX_LENGTH), "..."}) {
            assertNull(AgentIds.problem(id), id);
            assertEquals(id, AgentIds.requireValid(id));
        }
    }

    @Test
    void refusesIdsThatAreNotOnePathSegmentOrOneWord() {
        for (String id : new String[] {null, "", "bad id/with slash", "a/b", "a\\b", "a b", "tab\there", "nl\n",
                "nbsp\u00a0x", ".", "..", "bell\u0007", "x".repeat(AgentIds.MAX_LENGTH + 1)}) {
            assertFalse(AgentIds.isValid(id), String.valueOf(id));
        }
    }

    @Test
    void theRefusalIsABadMessageWithTheReasonOnOneLine() {
        BadMessageException e = assertThrows(BadMessageException.class, () -> AgentIds.requireValid("a\nb/c"));
        assertEquals("bad_message", e.code());
        assertTrue(e.getMessage().contains("control characters"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(AgentIds.problem("bad id/with slash").contains("whitespace"));
        assertTrue(AgentIds.problem("bad/id").contains("'/'"));
    }
}
