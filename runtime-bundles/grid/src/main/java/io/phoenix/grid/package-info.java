/**
 * The embedded data grid of a Phoenix node: one Apache Ignite 2.17 server node per Phoenix node, configured
 * by PID {@code io.phoenix.grid} ({@code etc/io.phoenix.grid.cfg}).
 *
 * <p>Three OSGi services come from the grid bundle:
 * <ul>
 *   <li>{@link io.phoenix.grid.GridNode}, always, while the bundle is active: this node's
 *       {@link io.phoenix.grid.GridSettings} and its {@link io.phoenix.grid.GridStatus}, also when the grid
 *       node is starting or failed;</li>
 *   <li>{@code org.apache.ignite.Ignite}, only while the Ignite node is started and part of a cluster. It goes
 *       away before the node stops (configuration change, bundle update, failure) and comes back, as a new
 *       instance, after a restart: consumers must drop everything they obtained from the old one.</li>
 * </ul>
 * The Ignite API ({@code org.apache.ignite.*}, {@code javax.cache.*}) is embedded in and exported by this
 * bundle, so that the cluster bundle compiles and wires against the very classes the node runs.
 */
@Export
@Version("1.2.0")
package io.phoenix.grid;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
