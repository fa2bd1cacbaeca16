package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.MailboxFullException;
import org.junit.jupiter.api.Test;

class AgentCastCommandTest extends CommandTestSupport {

    private final AgentCastCommand command = wire(new AgentCastCommand());

    private void args(String id, String json) {
        command.id = id;
        command.json = json;
    }

    @Test
    void sends() {
        args("c1", "{\"op\":\"inc\"}");
        execute(command);
        verify(runtime).castJson("c1", "{\"op\":\"inc\"}");
        assertEquals("Sent\n", out());
        assertEquals("", err());
    }

    @Test
    void reportsWhatTheRuntimeRejectsAtOnce() {
        doThrow(new AgentNotFoundException("x", "agent 'x' not found")).when(runtime).castJson("x", "{}");
        doThrow(new BadMessageException("c1", "malformed JSON message")).when(runtime).castJson("c1", "{");
        doThrow(new MailboxFullException("busy", "mailbox of agent 'busy' is full")).when(runtime).castJson("busy", "{}");
        args("x", "{}");
        execute(command);
        args("c1", "{");
        execute(command);
        args("busy", "{}");
        execute(command);
        assertEquals("", out());
        assertEquals("Error: agent 'x' not found (agent_not_found)\n"
                + "Error: malformed JSON message (bad_message)\n"
                + "Error: mailbox of agent 'busy' is full (mailbox_full)\n", err());
    }
}
