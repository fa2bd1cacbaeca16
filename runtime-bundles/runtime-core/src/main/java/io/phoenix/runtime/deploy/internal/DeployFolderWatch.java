package io.phoenix.runtime.deploy.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per file, about files in the hot-deploy folders that no deployer takes ({@link DeployFolderCheck}):
 * Karaf's file install skips them without a word, so an operator who dropped a plain jar or a text file into
 * {@code deploy/} would wait for an agent type that never comes. Watches the folders Karaf's file install watches
 * (its {@code org.apache.felix.fileinstall} configurations, {@code deploy/} in the distribution), every two seconds
 * as file install does, on one daemon thread of its own.
 */
@Component(immediate = true, service = {})
public final class DeployFolderWatch {

    static final long POLL_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger("io.phoenix.deploy");
    private static final String FILEINSTALL_FACTORY = "org.apache.felix.fileinstall";

    private final ConfigurationAdmin configurations;
    private final DeployFolderCheck check = new DeployFolderCheck();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "phoenix-deploy-check");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public DeployFolderWatch(@Reference ConfigurationAdmin configurations) {
        this.configurations = configurations;
        timer.scheduleWithFixedDelay(this::scan, 0, POLL_MS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void scan() {
        try {
            for (String problem : check.scan(folders())) {
                LOG.warn("Phoenix deploy: {}", problem);
            }
        } catch (RuntimeException e) {
            LOG.debug("deploy folder check failed this time", e);
        }
    }

    /** The folders file install watches for hot deployment; Karaf's {@code deploy/} when none is configured. */
    private List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        try {
            Configuration[] found = configurations.listConfigurations(
                    "(service.factoryPid=" + FILEINSTALL_FACTORY + ")");
            if (found != null) {
                for (Configuration configuration : found) {
                    Object dir = configuration.getProperties() == null ? null
                            : configuration.getProperties().get("felix.fileinstall.dir");
                    if (dir != null && !dir.toString().isBlank()) {
                        folders.add(Paths.get(dir.toString()));
                    }
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.debug("cannot read the file install configurations", e);
        }
        if (folders.isEmpty()) {
            folders.add(DeployFolderCheck.defaultFolder());
        }
        return folders;
    }
}
