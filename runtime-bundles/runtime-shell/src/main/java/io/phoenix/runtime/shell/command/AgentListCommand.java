package io.phoenix.runtime.shell.command;

import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.runtime.shell.command.completers.AgentIdCompleter;
import io.phoenix.runtime.shell.command.completers.AgentTypeCompleter;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code phoenix:agent-list [--type T] [--limit N] [--after ID]}: one page of agents in id order,
 * followed by the cursor of the next page when there is one.
 */
@Service
@Command(scope = "phoenix", name = "agent-list", description = "Lists agents, one page at a time, in id order.")
public class AgentListCommand extends PhoenixCommandSupport {

    /** The page size when {@code --limit} is not given. */
    static final int DEFAULT_LIMIT = 100;

    @Option(name = "--type", aliases = "-t", description = "Only agents of this type")
    @Completion(AgentTypeCompleter.class)
    String type;

    @Option(name = "--limit", aliases = "-l", description = "The most agents to list, 1 to 10000 (default 100)")
    int limit = DEFAULT_LIMIT;

    @Option(name = "--after", aliases = "-a", description = "List agents whose id sorts after this one (the cursor printed by the previous page)")
    @Completion(AgentIdCompleter.class)
    String after;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Override
    protected void run() {
        if (limit < 1 || limit > AgentQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be between 1 and " + AgentQuery.MAX_LIMIT + ", was " + limit);
        }
        AgentPage page = runtime.list(new AgentQuery(type, after, limit));
        ShellTable table = new ShellTable().emptyTableText("No agents");
        table.column("ID");
        table.column("Type");
        table.column("Version");
        table.column("Node");
        table.column("Status");
        table.column("Mailbox").alignRight();
        table.column("Handled").alignRight();
        for (AgentInfo agent : page.agents()) {
            table.addRow().addContent(agent.id(), agent.type(), agent.typeVersion(), agent.node(), agent.status(),
                    agent.mailboxDepth(), agent.messagesHandled());
        }
        table.print(out(), !noFormat);
        if (page.nextCursor() != null) {
            out().println("Next cursor: " + page.nextCursor() + " (more agents: --after " + page.nextCursor() + ")");
        }
    }
}
