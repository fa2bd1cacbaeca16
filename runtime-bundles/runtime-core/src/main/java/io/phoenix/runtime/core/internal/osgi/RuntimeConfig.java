package io.phoenix.runtime.core.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The typed configuration of PID {@code io.phoenix.runtime.core}; the shipped
 * {@code etc/io.phoenix.runtime.core.cfg} documents every key. Environment variables
 * {@code PHOENIX_<KEY>} (dots as underscores, upper case) override the file.
 */
@ObjectClassDefinition(id = RuntimeConfig.PID, name = "Phoenix runtime",
        description = "Agent execution on this node: dispatcher, timeouts, limits, passivation, upgrades")
public @interface RuntimeConfig {

    /** The configuration PID. */
    String PID = "io.phoenix.runtime.core";

    /** @return the node id; empty for the Karaf instance name */
    @AttributeDefinition(description = "Id of this node; empty: the Karaf instance name")
    String node_id() default "";

    /** @return the dispatcher thread count; 0 for one per processor */
    @AttributeDefinition(description = "Threads running agent turns; 0: one per processor")
    int dispatcher_threads() default 0;

    /** @return messages per agent before its thread moves on */
    @AttributeDefinition(description = "Messages one agent handles in a row before yielding its thread")
    int dispatcher_batch() default 64;

    /** @return the default call timeout in milliseconds */
    @AttributeDefinition(description = "Default call timeout in milliseconds")
    long call_timeout_ms() default 5000;

    /** @return the largest JSON message accepted from outside, in bytes */
    @AttributeDefinition(description = "Largest JSON message or state accepted from outside, in bytes")
    int message_max_bytes() default 1048576;

    /** @return the passivation sweep interval in milliseconds */
    @AttributeDefinition(description = "How often idle agents are looked for, in milliseconds")
    long passivation_sweep_ms() default 5000;

    /** @return how long a type switch waits for running turns, in milliseconds */
    @AttributeDefinition(description = "How long an upgrade waits for running turns, in milliseconds")
    long upgrade_drain_ms() default 10000;

    /** @return the event backlog bound */
    @AttributeDefinition(description = "Most runtime events waiting for delivery to listeners")
    int events_queue_capacity() default 10000;
}
