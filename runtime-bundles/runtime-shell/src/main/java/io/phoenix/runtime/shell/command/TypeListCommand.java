package io.phoenix.runtime.shell.command;

import io.phoenix.runtime.management.AgentTypeInfo;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code phoenix:type-list}: the agent types this node knows, with versions and statistics. */
@Service
@Command(scope = "phoenix", name = "type-list", description = "Lists the agent types known to this node.")
public class TypeListCommand extends PhoenixCommandSupport {

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Override
    protected void run() {
        ShellTable table = new ShellTable().emptyTableText("No agent types");
        table.column("Name");
        table.column("Version");
        table.column("Bundle");
        table.column("Available");
        table.column("State Version").alignRight();
        table.column("Agents").alignRight();
        table.column("Active").alignRight();
        table.column("Handled").alignRight();
        table.column("Failed").alignRight();
        table.column("Upgrades").alignRight();
        for (AgentTypeInfo type : management.types()) {
            table.addRow().addContent(type.name(), type.version(), type.bundle(), type.available() ? "yes" : "no",
                    type.stateVersion(), type.agents(), type.activeAgents(), type.messagesHandled(),
                    type.messagesFailed(), type.upgrades());
        }
        table.print(out(), !noFormat);
    }
}
