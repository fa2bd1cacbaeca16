package io.phoenix.cluster.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/** Tests on several {@link GridTestNode}s in this JVM: every node a test starts is closed after it. */
abstract class GridNodesTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final List<GridTestNode> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        for (GridTestNode node : nodes) {
            try {
                node.close();
            } catch (RuntimeException ignored) {
                // best effort: the next test uses fresh instance names
            }
        }
    }

    /** Keeps {@code node} to be closed after the test. */
    GridTestNode started(GridTestNode node) {
        nodes.add(node);
        return node;
    }

    static <T> T join(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
