package io.phoenix.runtime.shell.command;

import io.phoenix.runtime.shell.command.completers.AgentIdCompleter;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code phoenix:agent-cast ID JSON}: sends a message without waiting for it to be handled. */
@Service
@Command(scope = "phoenix", name = "agent-cast", description = "Sends a JSON message to an agent without waiting for it to be handled.")
public class AgentCastCommand extends PhoenixCommandSupport {

    @Argument(index = 0, name = "id", description = "The agent's id", required = true)
    @Completion(AgentIdCompleter.class)
    String id;

    @Argument(index = 1, name = "json", description = "The message as JSON, in single quotes, e.g. '{\"op\":\"inc\"}'", required = true)
    String json;

    @Override
    protected void run() {
        runtime.castJson(id, json);
        out().println("Sent");
    }
}
