package io.phoenix.runtime.shell.command.completers;

import io.phoenix.cluster.ClusterManagement;
import io.phoenix.cluster.NodeInfo;
import io.phoenix.runtime.shell.command.ClusterCommandSupport;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.framework.BundleContext;

/**
 * Completes the ids of the cluster's nodes; offers none on a node that is not part of a cluster. Like
 * the cluster commands, it names no cluster type outside method bodies (see {@link ClusterCommandSupport}).
 */
@Service
public class NodeIdCompleter implements Completer {

    @Reference
    BundleContext bundleContext;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(nodeIds()).complete(session, commandLine, candidates);
    }

    /** @return the node ids, or none when this node is not part of a cluster or the cluster fails to answer */
    List<String> nodeIds() {
        try {
            return ClusterCommandSupport.withCluster(bundleContext,
                    cluster -> ((ClusterManagement) cluster).nodes().stream().map(NodeInfo::id).toList());
        } catch (Exception e) {
            return List.of();
        }
    }

    /** @param bundleContext this bundle's context, in which the cluster management service is looked up */
    public void setBundleContext(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }
}
