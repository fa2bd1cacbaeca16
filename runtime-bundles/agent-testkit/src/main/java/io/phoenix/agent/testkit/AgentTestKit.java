package io.phoenix.agent.testkit;

import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentRef;
import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.agent.api.AgentType;
import io.phoenix.runtime.core.internal.LocalRuntime;
import io.phoenix.runtime.core.internal.RuntimeSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Version;

/**
 * The real Phoenix runtime, in-process, for tests that need more than one turn in isolation: agents
 * talking to each other, JSON in and out, timers, and live upgrades of a type against its real
 * encoded state. Close it after each test (it owns threads):
 *
 * <pre>{@code
 * try (AgentTestKit kit = new AgentTestKit()) {
 *     kit.register(new CounterAgent());
 *     kit.spawn("counter", "c1");
 *     assertEquals("{\"value\":2}", kit.call("c1", "{\"op\":\"inc\",\"by\":2}"));
 * }
 * }</pre>
 *
 * <p>It runs the runtime core's {@code LocalRuntime}, the class the node's OSGi component runs, with
 * the default settings and a two-thread dispatcher: mailboxes, turns, state commits and restarts,
 * JSON decoding, timers, passivation and type switches behave as on a single node. There is no OSGi:
 * {@link #register} stands in for the whiteboard that tracks {@link AgentType} services. Every helper
 * waits at most {@link #timeout()} (calls time out in the runtime first) and then fails, so a test
 * never hangs.
 *
 * <p>This class depends on {@code io.phoenix.runtime.core} (and through it Jackson and
 * {@code osgi.core}), which an agent bundle must not depend on. Add the testkit with test scope only:
 * <pre>{@code
 * <dependency>
 *   <groupId>io.phoenix</groupId>
 *   <artifactId>io.phoenix.agent.testkit</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 */
public final class AgentTestKit implements AutoCloseable {

    /** How long helpers wait unless the kit is created with another timeout: 10 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The version {@link #register(AgentType)} registers a type with. */
    public static final String DEFAULT_VERSION = "1.0.0";

    private static final String BUNDLE = "io.phoenix.agent.testkit";
    /** Extra wait beyond a call's own timeout, so the runtime's timeout is what the test sees. */
    private static final long GRACE_MILLIS = 1_000;

    private final LocalRuntime runtime;
    private final Duration timeout;
    private final AtomicLong serviceIds = new AtomicLong(1);

    /** Starts a runtime whose helpers wait at most {@link #DEFAULT_TIMEOUT}. */
    public AgentTestKit() {
        this(DEFAULT_TIMEOUT);
    }

    /**
     * Starts a runtime.
     *
     * @param timeout how long helpers wait, and the timeout of the calls they make; positive
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public AgentTestKit(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.runtime = new LocalRuntime(RuntimeSettings.defaults("testkit").withDispatcherThreads(2),
                Clock.systemUTC());
    }

    /** @return how long helpers wait */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The runtime's API, for everything the helpers do not cover; wrap its stages in {@link #await}.
     *
     * @return the runtime
     */
    public AgentRuntime runtime() {
        return runtime;
    }

    /**
     * Registers an agent type at version {@value #DEFAULT_VERSION}, as if its bundle had started.
     *
     * @param agentType the agent type
     * @return the registration, to {@link #unregister} or {@link #upgrade} it
     * @throws IllegalArgumentException if the runtime rejects the type (the log says why)
     */
    public Registration register(AgentType<?, ?> agentType) {
        return register(agentType, DEFAULT_VERSION);
    }

    /**
     * Registers an agent type at a version, as if a bundle of that version had started. Registering a
     * higher version of a registered type name takes over its agents live.
     *
     * @param agentType the agent type
     * @param version the bundle version, e.g. {@code "2.0.0"}
     * @return the registration
     * @throws IllegalArgumentException if the version is malformed or the runtime rejects the type
     */
    public Registration register(AgentType<?, ?> agentType, String version) {
        Version parsed = Version.parseVersion(Objects.requireNonNull(version, "version"));
        long serviceId = serviceIds.getAndIncrement();
        if (!runtime.addType(agentType, parsed, BUNDLE, serviceId)) {
            throw new IllegalArgumentException("the runtime rejected agent type " + agentType.getClass().getName()
                    + "; its log says why");
        }
        return new Registration(agentType.name(), parsed.toString(), serviceId);
    }

    /**
     * Removes a registration, as if its bundle had stopped: unless another version remains, the type's
     * agents are suspended and messages to them wait (a call then times out).
     *
     * @param registration what {@link #register} returned
     */
    public void unregister(Registration registration) {
        runtime.removeType(registration.serviceId());
    }

    /**
     * Mimics an update of the type's bundle: the old registration is removed, which encodes the state
     * of its live agents with the old version, then the new type is registered. Each agent converts its
     * state in its next turn, through {@link AgentType#upgradeState} when the state schema versions
     * differ, as on a node; a state that cannot be converted fails that turn's call with an
     * {@link io.phoenix.agent.api.AgentFailedException}. Until an agent's next turn, {@link #state}
     * and {@link #info} still show what the old version wrote, so send it a message (a read-only one
     * will do) before asserting the converted state.
     *
     * @param old the registration to replace
     * @param newType the new implementation, with the same {@link AgentType#name()}
     * @param version the new bundle version, e.g. {@code "2.0.0"}
     * @return the new registration
     * @throws IllegalArgumentException if the type names differ, or as {@link #register(AgentType, String)}
     */
    public Registration upgrade(Registration old, AgentType<?, ?> newType, String version) {
        if (!old.typeName().equals(newType.name())) {
            throw new IllegalArgumentException("an upgrade keeps the type name: " + old.typeName() + " cannot become "
                    + newType.name());
        }
        unregister(old);
        return register(newType, version);
    }

    /**
     * Spawns an agent with its type's initial state.
     *
     * @param type the agent type name
     * @param agentId the id
     * @return a reference to the new agent
     * @throws io.phoenix.agent.api.AgentException as {@link AgentRuntime#spawn} fails
     */
    public AgentRef spawn(String type, String agentId) {
        return spawn(type, agentId, null);
    }

    /**
     * Spawns an agent.
     *
     * @param type the agent type name
     * @param agentId the id
     * @param initialState its state, or {@code null} for the type's initial state
     * @return a reference to the new agent
     * @throws io.phoenix.agent.api.AgentException as {@link AgentRuntime#spawn} fails
     */
    public AgentRef spawn(String type, String agentId, Object initialState) {
        return await(runtime.spawn(type, agentId, initialState));
    }

    /**
     * Calls an agent with JSON, as the shell and REST do.
     *
     * @param agentId the agent's id
     * @param messageJson the message as JSON
     * @return the reply as JSON ({@code "null"} for no value)
     * @throws io.phoenix.agent.api.AgentException as the call fails, e.g.
     *     {@link io.phoenix.agent.api.BadMessageException} when the agent rejects the message
     */
    public String call(String agentId, String messageJson) {
        return await(runtime.callJson(agentId, messageJson, timeout));
    }

    /**
     * Calls an agent with a message object.
     *
     * @param <R> the reply type
     * @param agentId the agent's id
     * @param message the message
     * @param replyType the reply's class; a reply of another class is converted through JSON
     * @return the reply
     * @throws io.phoenix.agent.api.AgentException as the call fails
     */
    public <R> R call(String agentId, Object message, Class<R> replyType) {
        return await(runtime.ref(agentId).call(message, replyType, timeout));
    }

    /**
     * Reads an agent's committed state.
     *
     * @param <S> the state type
     * @param agentId the agent's id
     * @param stateType the class to decode into
     * @return the state
     * @throws io.phoenix.agent.api.AgentNotFoundException if there is no such agent
     */
    public <S> S state(String agentId, Class<S> stateType) {
        return await(runtime.state(agentId, stateType));
    }

    /**
     * @param agentId the agent's id
     * @return its committed state as JSON
     * @throws io.phoenix.agent.api.AgentNotFoundException if there is no such agent
     */
    public String stateJson(String agentId) {
        return await(runtime.stateJson(agentId));
    }

    /**
     * @param agentId the agent's id
     * @return its status, including the type version it runs
     * @throws io.phoenix.agent.api.AgentNotFoundException if there is no such agent
     */
    public AgentInfo info(String agentId) {
        return await(runtime.info(agentId));
    }

    /**
     * Waits for a stage of the runtime, at most {@link #timeout()} plus a second.
     *
     * @param <T> the result type
     * @param stage the stage
     * @return its result
     * @throws RuntimeException the stage's failure as it is, typically an
     *     {@link io.phoenix.agent.api.AgentException}; a checked failure wrapped in a
     *     {@link CompletionException}
     * @throws AssertionError if it does not complete in time
     */
    public <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        } catch (TimeoutException e) {
            throw new AssertionError("the runtime did not complete within " + (timeout.toMillis() + GRACE_MILLIS)
                    + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the runtime", e);
        }
    }

    /** Stops the runtime; agents and their state are dropped. */
    @Override
    public void close() {
        runtime.close();
    }

    /**
     * One registered agent type version, as a started bundle would register it.
     *
     * @param typeName the agent type name
     * @param version the version it was registered with
     * @param serviceId the id the runtime knows the registration by, in place of an OSGi service id
     */
    public record Registration(String typeName, String version, long serviceId) {

        @Override
        public String toString() {
            return typeName + " " + version;
        }
    }
}
