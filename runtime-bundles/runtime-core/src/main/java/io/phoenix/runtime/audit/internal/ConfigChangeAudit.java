package io.phoenix.runtime.audit.internal;

import io.phoenix.runtime.audit.AuditLog;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Component;

/**
 * Audits changes of Phoenix's configuration (PIDs {@code io.phoenix.*}, factory configurations included), however
 * they were made: {@code config:edit}/{@code config:property-set} in the shell, an edited {@code etc/*.cfg}, JMX.
 * ConfigAdmin tells listeners after the fact and on its own thread, so who made the change is not known: the user
 * is {@code -}.
 */
@Component(service = ConfigurationListener.class)
public final class ConfigChangeAudit implements ConfigurationListener {

    static final String PREFIX = "io.phoenix.";

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String action = action(event.getType());
        String pid = event.getPid();
        if (action != null && pid != null && pid.startsWith(PREFIX)) {
            AuditLog.record(null, "config", action, pid, AuditLog.OK);
        }
    }

    /** @return the audited action of a ConfigAdmin event type, or {@code null} for events that change nothing */
    static String action(int type) {
        return switch (type) {
            case ConfigurationEvent.CM_UPDATED -> "update";
            case ConfigurationEvent.CM_DELETED -> "delete";
            default -> null; // CM_LOCATION_CHANGED: who may read it, not what it says
        };
    }
}
