package io.phoenix.runtime.shell.command;

import io.phoenix.runtime.shell.command.completers.AgentIdCompleter;
import java.time.Duration;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code phoenix:agent-call ID JSON [--timeout MS]}: sends a request and prints the JSON reply. */
@Service
@Command(scope = "phoenix", name = "agent-call", description = "Sends a JSON request to an agent and prints its JSON reply.")
public class AgentCallCommand extends PhoenixCommandSupport {

    /** The reply timeout when {@code --timeout} is not given, in milliseconds. */
    static final long DEFAULT_TIMEOUT_MILLIS = 5_000;

    @Argument(index = 0, name = "id", description = "The agent's id", required = true)
    @Completion(AgentIdCompleter.class)
    String id;

    @Argument(index = 1, name = "json", description = "The request as JSON, in single quotes, e.g. '{\"op\":\"get\"}'", required = true)
    String json;

    @Option(name = "--timeout", description = "How long to wait for the reply, in milliseconds (default 5000)")
    long timeoutMillis = DEFAULT_TIMEOUT_MILLIS;

    @Override
    protected void run() throws Exception {
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("--timeout must be positive, was " + timeoutMillis);
        }
        Duration timeout = Duration.ofMillis(timeoutMillis);
        out().println(await(runtime.callJson(id, json, timeout), timeout));
    }
}
