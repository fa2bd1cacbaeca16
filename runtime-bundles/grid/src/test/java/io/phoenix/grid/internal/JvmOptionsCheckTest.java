package io.phoenix.grid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JvmOptionsCheckTest {

    @Test
    void aJvmWithEveryOptionPasses() {
        assertNull(JvmOptionsCheck.problem(pkg -> true));
        // this test JVM runs with the grid's argLine (pom.xml), as the distribution runs with bin/setenv
        assertNull(JvmOptionsCheck.problem(JvmOptionsCheck.class.getModule()));
    }

    @Test
    void aStockKarafJvmIsToldWhichOptionIsMissing() {
        // a stock Karaf 4.4.10 opens java.lang, java.util, java.net and java.security, not java.nio
        String problem = JvmOptionsCheck.problem(pkg -> !pkg.equals("java.nio"));
        assertEquals("the JVM lacks the option --add-opens=java.base/java.nio=ALL-UNNAMED that the embedded data grid"
                + " (Apache Ignite) needs; add it to the JVM's options (e.g. EXTRA_JAVA_OPTS in bin/setenv, as Phoenix's"
                + " distribution does) and restart", problem);
    }

    @Test
    void everyMissingOptionIsNamedOnOneLine() {
        Set<String> open = Set.of("java.time");
        String problem = JvmOptionsCheck.problem(open::contains);
        for (String pkg : new String[] {"java.nio", "java.util.concurrent", "java.util.concurrent.locks"}) {
            assertTrue(problem.contains("--add-opens=java.base/" + pkg + "=ALL-UNNAMED"), problem);
        }
        assertTrue(!problem.contains("java.time") && !problem.contains("\n"), problem);
    }
}
