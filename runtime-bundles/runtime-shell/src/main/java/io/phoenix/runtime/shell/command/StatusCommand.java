package io.phoenix.runtime.shell.command;

import io.phoenix.runtime.management.Listener;
import io.phoenix.runtime.management.NodeListeners;
import io.phoenix.runtime.management.NodeStatus;
import java.time.Clock;
import java.time.Duration;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code phoenix:status}: the local node's runtime status and counters, and the TCP listeners of the node's JVM
 * (one row each: "Listener SSH  127.0.0.1:8102"; a listener not where the configuration puts it is marked).
 */
@Service
@Command(scope = "phoenix", name = "status",
        description = "Shows the status and counters of this node's runtime, and its TCP listeners.")
public class StatusCommand extends PhoenixCommandSupport {

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Reference(optional = true)
    NodeListeners listeners;

    Clock clock = Clock.systemUTC();

    @Override
    protected void run() {
        NodeStatus status = management.status();
        ShellTable table = new ShellTable();
        table.column("Property");
        table.column("Value");
        table.addRow().addContent("Node", status.nodeId());
        table.addRow().addContent("Started", status.startedAt());
        table.addRow().addContent("Uptime", uptime(Duration.between(status.startedAt(), clock.instant())));
        table.addRow().addContent("Agent types", status.types());
        table.addRow().addContent("Agents", status.agents());
        table.addRow().addContent("Active agents", status.activeAgents());
        table.addRow().addContent("Mailbox depth", status.mailboxDepth());
        table.addRow().addContent("Messages handled", status.messagesHandled());
        table.addRow().addContent("Messages failed", status.messagesFailed());
        table.addRow().addContent("Dispatcher threads", status.dispatcherThreads());
        if (listeners != null) {
            for (Listener l : listeners.listeners()) {
                table.addRow().addContent("Listener " + l.name(),
                        l.endpoint() + (l.configured() ? "" : " (not as configured)"));
            }
        }
        table.print(out(), !noFormat);
    }

    static String uptime(Duration d) {
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        String hms = String.format("%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
        return d.toDays() > 0 ? d.toDays() + "d " + hms : hms;
    }
}
