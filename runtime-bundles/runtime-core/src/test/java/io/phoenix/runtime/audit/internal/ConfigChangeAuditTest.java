package io.phoenix.runtime.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationEvent;

class ConfigChangeAuditTest {

    @Test
    void updatesAndDeletionsAreAuditedLocationChangesAreNot() {
        assertEquals("update", ConfigChangeAudit.action(ConfigurationEvent.CM_UPDATED));
        assertEquals("delete", ConfigChangeAudit.action(ConfigurationEvent.CM_DELETED));
        assertNull(ConfigChangeAudit.action(ConfigurationEvent.CM_LOCATION_CHANGED));
    }
}
