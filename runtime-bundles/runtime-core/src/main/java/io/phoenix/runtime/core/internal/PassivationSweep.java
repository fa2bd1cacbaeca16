package io.phoenix.runtime.core.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds agents idle for longer than their type's {@code passivateAfter} and asks them, through their
 * mailbox, to passivate; the agent itself decides in turn order, so a message that arrives meanwhile
 * simply keeps it active.
 */
final class PassivationSweep implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PassivationSweep.class);

    private final LocalRuntime runtime;

    PassivationSweep(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void run() {
        try {
            long now = runtime.clock.millis();
            for (Activation agent : runtime.agents()) {
                TypeBinding binding = agent.binding;
                if (binding == null || agent.lifecycle != Activation.ACTIVE || !agent.idleAndEmpty()) {
                    continue;
                }
                Duration idleLimit = binding.options.passivateAfter();
                if (!idleLimit.isZero() && now - agent.lastActiveMillis >= idleLimit.toMillis()) {
                    agent.enqueueSystem(Envelope.signal(SystemSignal.PASSIVATE, null));
                }
            }
        } catch (RuntimeException e) {
            // A failed sweep must not cancel the periodic task.
            LOG.error("passivation sweep failed", e);
        }
    }
}
