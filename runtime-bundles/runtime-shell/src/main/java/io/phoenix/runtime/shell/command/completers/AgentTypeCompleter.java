package io.phoenix.runtime.shell.command.completers;

import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.RuntimeManagement;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes agent type names known to this node, available or suspended. */
@Service
public class AgentTypeCompleter implements Completer {

    @Reference
    RuntimeManagement management;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> names = management.types().stream().map(AgentTypeInfo::name).toList();
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }

    /** @param management the runtime management service */
    public void setManagement(RuntimeManagement management) {
        this.management = management;
    }
}
