package io.phoenix.itests.monitoring;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The dashboard in a real headless browser (Debian's chromium + chromedriver): the page loads, shows this node,
 * updates by itself after an agent is spawned, and shows message latency percentiles while calls run. Runs whenever chromium is installed, and always under CI=true (.ci/run
 * installs it), where a missing browser fails the test instead of skipping it. Without chromium and CI it prints
 * "SKIPPED DashboardIT" (Pax Exam counts the assumption failure as a pass).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DashboardIT extends MonitoringTestSupport {

    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                systemProperty("phoenix.it.ci").value(String.valueOf("true".equalsIgnoreCase(System.getenv("CI")))));
    }

    @Test
    public void pageShowsTheNodeAndUpdatesAfterASpawn() throws Exception {
        boolean ci = Boolean.getBoolean("phoenix.it.ci");
        if (!ci && !WebDriverSession.available()) {
            // Pax Exam's container runner reports a JUnit assumption failure as a pass, not a skip: say it loudly.
            System.out.println("SKIPPED DashboardIT: /usr/bin/chromium or /usr/bin/chromedriver is missing and CI is"
                    + " not set (apt-get install chromium chromium-driver, or run .ci/run)");
            assumeTrue("chromium/chromedriver not installed and CI not set", false);
        }
        awaitBundle("io.phoenix.dashboard", Bundle.ACTIVE);
        String auth = basic("viewer", "viewer");
        awaitStatus("/dashboard/data", auth, 200);
        deployCounter();
        String node = management.nodeId();

        File log = new File(System.getProperty("karaf.data"), "log/chromedriver.log");
        try (WebDriverSession browser = new WebDriverSession(freePort(), log)) {
            browser.cdp("Network.enable", Map.of());
            browser.cdp("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", auth)));
            browser.open(base() + "/dashboard/");

            await("the page shows node " + node).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> browser.script("return document.getElementById('node-id').textContent"),
                            node::equals);
            String nodesTable = browser.script("return document.getElementById('nodes').textContent");
            assertTrue(nodesTable, nodesTable.contains(node));
            long before = Long.parseLong(browser.script("return document.getElementById('agents-total').textContent"));
            String updated = browser.script("return document.body.getAttribute('data-updated')");

            String id = uniqueId("dash");
            spawnCounter(id);

            await("the page counts the new agent").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> browser.script("return document.getElementById('agents-total').textContent"),
                            text -> text.matches("\\d+") && Long.parseLong(text) >= before + 1);
            await("the page lists the spawn among recent events").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> browser.script("return document.getElementById('events').textContent"),
                            text -> text.contains(id) && text.contains("AGENT_SPAWNED"));
            String types = browser.script("return document.getElementById('types').textContent");
            assertTrue(types, types.contains("counter"));
            assertTrue("refreshed by itself", !updated.equals(
                    browser.script("return document.body.getAttribute('data-updated')")));

            // About one message in 32 is timed: keep calling until a poll saw sampled ones since the previous poll.
            // Card, note and the counter's p50 cell are read in one script, so they come from the same poll.
            String duration = "[\\d.]+ (µs|ms|s)";
            String percentiles = duration + " / " + duration;
            String shown = await("the latency card and the counter row show p50 / p99 of recent calls").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        for (int i = 0; i < 200; i++) {
                            call(id, "{\"op\":\"inc\",\"by\":1}", CALL_TIMEOUT);
                        }
                        return browser.script("var row = [...document.querySelectorAll('#types tr')]"
                                + ".find(r => r.cells[0].textContent === 'counter');"
                                + " return [document.getElementById('latency').textContent,"
                                + " document.getElementById('latency-note').textContent,"
                                + " row.cells[row.cells.length - 2].textContent].join('\\n')");
                    }, text -> text.split("\n")[0].matches(percentiles));
            String[] parts = shown.split("\n");
            assertTrue(shown, parts[1].matches("last [\\d.]+ s \\(\\d+ sampled\\); since start: " + percentiles + ".*"));
            assertTrue(shown, parts[2].matches(duration));
        }
    }
}
