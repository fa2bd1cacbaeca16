/**
 * The cluster as operators see it: nodes, their health and load, where an agent lives, migration and
 * rebalancing. Consumed by the shell and REST bundles.
 */
@Export
@Version("1.1.0")
package io.phoenix.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
