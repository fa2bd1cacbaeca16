package io.phoenix.runtime.shell.command.completers;

import static io.phoenix.runtime.shell.command.completers.AgentTypeCompleterTest.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.phoenix.cluster.ClusterManagement;
import io.phoenix.cluster.NodeInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

class NodeIdCompleterTest {

    private final BundleContext bundleContext = mock(BundleContext.class);
    private final ClusterManagement cluster = mock(ClusterManagement.class);
    private final NodeIdCompleter completer = new NodeIdCompleter();

    NodeIdCompleterTest() {
        completer.setBundleContext(bundleContext);
    }

    private void clusterUp() {
        ServiceReference<?> reference = mock(ServiceReference.class);
        doReturn(reference).when(bundleContext).getServiceReference(ClusterManagement.class.getName());
        doReturn(cluster).when(bundleContext).getService(reference);
    }

    private static NodeInfo node(String id) {
        return new NodeInfo(id, "127.0.0.1:47500", false, 0, 0, 0, 0, "up");
    }

    @Test
    void completesTheClustersNodeIds() {
        clusterUp();
        when(cluster.nodes()).thenReturn(List.of(node("node-1"), node("node-2"), node("other")));
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typed("node"), candidates);
        assertEquals(List.of("node-1", "node-2"), candidates.stream().map(String::trim).sorted().toList());
    }

    @Test
    void offersNothingWhenThisNodeIsNotPartOfAClusterOrTheClusterFails() {
        assertEquals(List.of(), completer.nodeIds());
        clusterUp();
        when(cluster.nodes()).thenThrow(new IllegalStateException("grid is stopping"));
        assertEquals(List.of(), completer.nodeIds());
    }
}
