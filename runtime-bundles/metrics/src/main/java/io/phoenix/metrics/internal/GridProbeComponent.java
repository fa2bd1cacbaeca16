package io.phoenix.metrics.internal;

import io.phoenix.grid.GridNode;
import io.phoenix.grid.GridStatus;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The only class of this bundle that touches io.phoenix.grid (imported optionally): SCR creates it only once a
 * GridNode service exists, so a node without the grid bundle never loads it.
 */
@Component(service = GridProbe.class)
public final class GridProbeComponent implements GridProbe {

    /** The first problem readiness reports while only the grid answers; the same words as phoenix:cluster-status. */
    static final String NOT_SERVING = "the cluster services are not running: this node serves no agents";

    private final GridNode grid;

    @Activate
    public GridProbeComponent(@Reference GridNode grid) {
        this.grid = grid;
    }

    @Override
    public ClusterView view() {
        return view(grid.status());
    }

    static ClusterView view(GridStatus status) {
        List<String> problems = new ArrayList<>();
        problems.add(NOT_SERVING);
        if (status.lastError() != null) {
            problems.add(status.lastError());
        }
        return new ClusterView(status.state().name(), status.servers(), 0, problems);
    }
}
