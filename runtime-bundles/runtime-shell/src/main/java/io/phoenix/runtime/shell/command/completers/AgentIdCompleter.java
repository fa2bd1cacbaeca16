package io.phoenix.runtime.shell.command.completers;

import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.agent.api.AgentRuntime;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * Completes agent ids: the first {@value #MAX_CANDIDATES} ids that start with what was typed. Agents
 * are listed in id order, so the listing starts just before the typed prefix and stops once it is past
 * it; a node with millions of agents costs at most {@value #MAX_PAGES} pages.
 */
@Service
public class AgentIdCompleter implements Completer {

    /** The most ids offered. */
    static final int MAX_CANDIDATES = 1_000;

    /** The most pages read to find them. */
    static final int MAX_PAGES = 3;

    @Reference
    AgentRuntime runtime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String argument = commandLine.getCursorArgument();
        String prefix = argument == null ? "" : argument.substring(0, Math.min(commandLine.getArgumentPosition(), argument.length()));
        return new StringsCompleter(idsStartingWith(prefix)).complete(session, commandLine, candidates);
    }

    /**
     * @param prefix the start of the ids
     * @return up to {@value #MAX_CANDIDATES} ids with that prefix, in order
     */
    List<String> idsStartingWith(String prefix) {
        List<String> ids = new ArrayList<>();
        String after = justBefore(prefix);
        for (int page = 0; page < MAX_PAGES; page++) {
            AgentPage agents = runtime.list(new AgentQuery(null, after, MAX_CANDIDATES));
            for (AgentInfo agent : agents.agents()) {
                if (agent.id().startsWith(prefix)) {
                    ids.add(agent.id());
                    if (ids.size() == MAX_CANDIDATES) {
                        return ids;
                    }
                } else if (agent.id().compareTo(prefix) > 0) {
                    return ids;   // past every id with the prefix
                }
            }
            if (agents.nextCursor() == null) {
                break;
            }
            after = agents.nextCursor();
        }
        return ids;
    }

    /**
     * A cursor that sorts before every string starting with {@code prefix} and after nearly every
     * string that does not: the prefix with its last character decremented, followed by the highest
     * character.
     */
    static String justBefore(String prefix) {
        if (prefix.isEmpty()) {
            return null;
        }
        String head = prefix.substring(0, prefix.length() - 1);
        char last = prefix.charAt(prefix.length() - 1);
        return last == Character.MIN_VALUE ? head : head + (char) (last - 1) + Character.MAX_VALUE;
    }

    /** @param runtime the agent runtime */
    public void setRuntime(AgentRuntime runtime) {
        this.runtime = runtime;
    }
}
