package io.phoenix.runtime.shell.command;

import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.runtime.shell.command.completers.AgentIdCompleter;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code phoenix:agent-stop ID}: stops an agent after the messages already queued, and forgets its state. */
@Service
@Command(scope = "phoenix", name = "agent-stop", description = "Stops an agent after the messages already queued, and forgets its state.")
public class AgentStopCommand extends PhoenixCommandSupport {

    @Argument(index = 0, name = "id", description = "The agent's id", required = true)
    @Completion(AgentIdCompleter.class)
    String id;

    @Override
    protected void run() throws Exception {
        await(audited("stop", id, () -> runtime.stop(id)), AgentRuntime.DEFAULT_CALL_TIMEOUT);
        out().println("Stopped " + id);
    }
}
