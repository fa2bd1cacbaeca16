/**
 * Service provider interfaces of the runtime: where agents are placed, the cluster-wide directory
 * of agents, and where encoded agent state is stored. The runtime core ships single-node
 * implementations; cluster bundles replace them by registering higher-ranked services.
 */
@Export
@Version("1.2.0")
package io.phoenix.runtime.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
