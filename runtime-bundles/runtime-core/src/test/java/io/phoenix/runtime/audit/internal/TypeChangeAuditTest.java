package io.phoenix.runtime.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TypeChangeAuditTest {

    @Test
    void aFileInDeployIsNamedByItsFileName() {
        String location = "file:/opt/phoenix/deploy/counter.jar";
        assertEquals("deploy", TypeChangeAudit.source(location));
        assertEquals("type counter 2.0.0 from counter.jar", TypeChangeAudit.target("counter", "2.0.0", location));
    }

    @Test
    void otherLocationsAreShownWhole() {
        String location = "mvn:io.phoenix/io.phoenix.examples.counter/1.0.0";
        assertEquals("bundle", TypeChangeAudit.source(location));
        assertEquals("type counter 1.0.0 from " + location, TypeChangeAudit.target("counter", "1.0.0", location));
        assertEquals("type counter", TypeChangeAudit.target("counter", "", null));
    }
}
