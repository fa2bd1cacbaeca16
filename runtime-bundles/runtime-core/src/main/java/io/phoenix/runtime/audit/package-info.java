/**
 * The audit trail of administrative actions (spawn, stop, migrate, rebalance, agent bundle deploy / upgrade /
 * removal, configuration changes): one writer, {@link io.phoenix.runtime.audit.AuditLog}, used by every face
 * (shell, REST, the runtime's own watchers) so that every line has the same shape. The lines go to the logger
 * {@value io.phoenix.runtime.audit.AuditLog#LOGGER}, which the distribution routes to
 * {@code data/log/phoenix-audit.log}.
 */
@Export
@Version("1.0.0")
package io.phoenix.runtime.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
