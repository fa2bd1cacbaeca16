package io.phoenix.bench;

import io.phoenix.agent.api.AgentType;
import io.phoenix.runtime.core.internal.LocalRuntime;
import io.phoenix.runtime.core.internal.RuntimeSettings;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Version;

/** Builds a runtime exactly as the node's DS component does, minus OSGi. */
final class BenchRuntime {

    private static final AtomicLong SERVICE_IDS = new AtomicLong(1);

    private BenchRuntime() {
    }

    static LocalRuntime start(AgentType<?, ?>... types) {
        LocalRuntime runtime = new LocalRuntime(RuntimeSettings.defaults("bench"), Clock.systemUTC());
        for (AgentType<?, ?> type : types) {
            runtime.addType(type, new Version(1, 0, 0), "bench", SERVICE_IDS.getAndIncrement());
        }
        return runtime;
    }
}
