/**
 * Placement policies beyond affinity: per-type rules, node load, the choice of a node for a new agent, and the
 * rebalancing of placed agents. Private to the cluster bundle.
 */
package io.phoenix.cluster.internal.placement;
