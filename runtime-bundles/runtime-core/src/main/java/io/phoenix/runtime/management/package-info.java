/**
 * Management view of a Phoenix node: agent types with their versions and statistics, node status,
 * message latency histograms, the runtime's lifecycle events, and the node's TCP listeners (1.5). Consumed by the
 * shell, REST, metrics and dashboard bundles.
 */
@Export
@Version("1.5.0")
package io.phoenix.runtime.management;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
