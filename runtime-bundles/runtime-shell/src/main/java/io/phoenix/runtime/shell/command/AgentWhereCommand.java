package io.phoenix.runtime.shell.command;

import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.cluster.AgentLocation;
import io.phoenix.cluster.ClusterManagement;
import io.phoenix.runtime.shell.command.completers.AgentIdCompleter;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code phoenix:agent-where ID}: the node an agent is placed on and the node holding its activation. */
@Service
@Command(scope = "phoenix", name = "agent-where", description = "Shows which node an agent is placed on and which node holds it now.")
public class AgentWhereCommand extends ClusterCommandSupport {

    @Argument(index = 0, name = "id", description = "The agent's id", required = true)
    @Completion(AgentIdCompleter.class)
    String id;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Override
    protected void runOn(Object cluster) {
        AgentLocation location = ((ClusterManagement) cluster).where(id);
        if (!location.exists()) {
            throw new AgentNotFoundException(id, "agent '" + id + "' not found");
        }
        ShellTable table = propertyTable();
        table.addRow().addContent("Agent", location.agentId());
        table.addRow().addContent("Type", location.agentType() == null ? "-" : location.agentType());
        table.addRow().addContent("Placed on", location.placedOn());
        table.addRow().addContent("Held by", location.heldBy() == null ? "none (not active, or moving)" : location.heldBy());
        table.addRow().addContent("Pinned", location.pinned() ? "yes" : "no");
        table.print(out(), !noFormat);
    }
}
