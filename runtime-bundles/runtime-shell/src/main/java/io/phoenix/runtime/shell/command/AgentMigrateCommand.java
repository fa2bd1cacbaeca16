package io.phoenix.runtime.shell.command;

import io.phoenix.cluster.ClusterManagement;
import io.phoenix.runtime.shell.command.completers.AgentIdCompleter;
import io.phoenix.runtime.shell.command.completers.NodeIdCompleter;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code phoenix:agent-migrate ID NODE}: moves a live agent to a node and pins it there. */
@Service
@Command(scope = "phoenix", name = "agent-migrate", description = "Moves an agent, with its state and queued messages, to a node and pins it there.")
public class AgentMigrateCommand extends ClusterCommandSupport {

    @Argument(index = 0, name = "id", description = "The agent's id", required = true)
    @Completion(AgentIdCompleter.class)
    String id;

    @Argument(index = 1, name = "node", description = "The target node's id", required = true)
    @Completion(NodeIdCompleter.class)
    String node;

    @Override
    protected void runOn(Object cluster) throws Exception {
        await(audited("migrate", id + "->" + node, () -> ((ClusterManagement) cluster).migrate(id, node)), CLUSTER_TIMEOUT);
        out().println("Migrated " + id + " to " + node);
    }
}
