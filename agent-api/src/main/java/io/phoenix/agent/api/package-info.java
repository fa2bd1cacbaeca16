/**
 * The Phoenix agent API: everything an agent author compiles against.
 *
 * <p>An <em>agent type</em> is an {@link io.phoenix.agent.api.AgentType} registered as an OSGi
 * service by the agent's bundle. The runtime ({@link io.phoenix.agent.api.AgentRuntime}, also an
 * OSGi service) hosts <em>agents</em> of that type: small stateful units addressed by id that
 * handle one message at a time. Failures are reported as subclasses of
 * {@link io.phoenix.agent.api.AgentException}, inside the returned {@code CompletionStage} for
 * asynchronous operations.
 */
@Export
@Version("1.2.0")
package io.phoenix.agent.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
