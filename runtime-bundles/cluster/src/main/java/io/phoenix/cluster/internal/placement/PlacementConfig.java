package io.phoenix.cluster.internal.placement;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The typed part of PID {@code io.phoenix.placement} ({@code etc/io.phoenix.placement.cfg}); the per-type policies
 * ({@code type.NAME = policy}) are read from the raw properties, see {@link PlacementRules#from}.
 */
@ObjectClassDefinition(id = PlacementConfig.PID, name = "Phoenix placement",
        description = "Placement policies per agent type, load scoring and rebalancing")
public @interface PlacementConfig {

    /** The configuration PID. */
    String PID = "io.phoenix.placement";

    /** @return seconds between rebalancing passes */
    @AttributeDefinition(description = "Seconds between rebalancing passes of least-loaded agents; 0: only on request")
    long rebalance_interval_seconds() default 30;

    /** @return how far above the mean a node may be, in percent */
    @AttributeDefinition(description = "A node moves least-loaded agents away when it hosts more than this percentage"
            + " above the mean of the eligible nodes")
    int rebalance_tolerance_percent() default 20;

    /** @return most agents moved per node and pass */
    @AttributeDefinition(description = "Most agents one node moves in one rebalancing pass")
    int rebalance_max_moves() default 100;

    /** @return weight of the agent count */
    @AttributeDefinition(description = "Weight of the agent count (relative to the mean) in the load score")
    double weight_agents() default 1.0;

    /** @return weight of the CPU load */
    @AttributeDefinition(description = "Weight of the CPU load (0..1) in the load score")
    double weight_cpu() default 0.5;

    /** @return weight of the heap use */
    @AttributeDefinition(description = "Weight of the used heap fraction (0..1) in the load score")
    double weight_heap() default 0.25;

    /** @return milliseconds between load publications */
    @AttributeDefinition(description = "Milliseconds between publications of this node's load to the cluster")
    long load_publish_interval_ms() default 1000;
}
