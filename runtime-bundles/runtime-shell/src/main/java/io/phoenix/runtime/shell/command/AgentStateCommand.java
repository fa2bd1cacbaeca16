package io.phoenix.runtime.shell.command;

import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.runtime.shell.command.completers.AgentIdCompleter;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code phoenix:agent-state ID}: prints an agent's committed state as JSON. */
@Service
@Command(scope = "phoenix", name = "agent-state", description = "Prints an agent's committed state as JSON.")
public class AgentStateCommand extends PhoenixCommandSupport {

    @Argument(index = 0, name = "id", description = "The agent's id", required = true)
    @Completion(AgentIdCompleter.class)
    String id;

    @Override
    protected void run() throws Exception {
        out().println(await(runtime.stateJson(id), AgentRuntime.DEFAULT_CALL_TIMEOUT));
    }
}
