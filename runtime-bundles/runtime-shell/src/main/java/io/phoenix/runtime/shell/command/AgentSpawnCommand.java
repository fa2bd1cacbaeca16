package io.phoenix.runtime.shell.command;

import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.runtime.shell.command.completers.AgentTypeCompleter;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code phoenix:agent-spawn [--state JSON] TYPE ID}: creates an agent (Karaf reads options only before the arguments). */
@Service
@Command(scope = "phoenix", name = "agent-spawn", description = "Creates an agent of a type.")
public class AgentSpawnCommand extends PhoenixCommandSupport {

    @Argument(index = 0, name = "type", description = "The agent type", required = true)
    @Completion(AgentTypeCompleter.class)
    String type;

    @Argument(index = 1, name = "id", description = "The new agent's id", required = true)
    String id;

    @Option(name = "--state", aliases = "-s", description = "The initial state as JSON (default: the type's initial state)")
    String state;

    @Override
    protected void run() throws Exception {
        await(audited("spawn", type + "/" + id, () -> runtime.spawnJson(type, id, state)), AgentRuntime.DEFAULT_CALL_TIMEOUT);
        out().println("Spawned " + type + " " + id);
    }
}
