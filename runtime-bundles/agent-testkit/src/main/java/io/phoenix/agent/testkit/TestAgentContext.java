package io.phoenix.agent.testkit;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentRef;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.TimerHandle;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recording {@link AgentContext} for testing an agent type's {@code handle} (or a lifecycle
 * callback) in isolation, without a runtime. It holds the state and records what the agent asked
 * for: state changes, casts, calls, spawns, timers and {@code stopSelf}; calls are answered from
 * canned replies; timers fire only when the test {@linkplain #fire fires} them.
 *
 * <pre>{@code
 * CounterAgent counter = new CounterAgent();
 * TestAgentContext<CounterState> ctx = TestAgentContext.forType(counter, "c1");
 * counter.handle(ctx, CounterMessage.inc(2));
 * assertEquals(new CounterState(2), ctx.state());
 * assertTrue(ctx.stateChanged());
 * }</pre>
 *
 * <p>Where it differs from the runtime, on purpose:
 * <ul>
 *   <li>State set by a turn that throws is kept, not discarded, so a test can check that a failing
 *       turn sets no state ({@link #stateChanged()} after {@link #newTurn()}).</li>
 *   <li>Nothing is delivered: sent messages are recorded as they are, not converted to the
 *       target's message class; a cast succeeds unless {@link #failCastsTo} says otherwise.</li>
 * </ul>
 * Records accumulate over several {@code handle} calls on the same context until {@link #newTurn()}.
 * The context may be used from stage callbacks on other threads.
 *
 * @param <S> the agent's state type
 */
public final class TestAgentContext<S> implements AgentContext<S> {

    /** The type name of a context created without one. */
    public static final String DEFAULT_TYPE = "test-agent";

    /** The type version of a context created without one. */
    public static final String DEFAULT_VERSION = "1.0.0";

    /**
     * A cast or call the agent made.
     *
     * @param to the target agent's id
     * @param message the message, as the agent passed it
     */
    public record Sent(String to, Object message) {
    }

    /**
     * A spawn the agent asked for.
     *
     * @param type the agent type name
     * @param id the new agent's id
     * @param initialState its initial state, or {@code null} for the type's initial state
     */
    public record Spawned(String type, String id, Object initialState) {
    }

    private final String id;
    private final Class<S> stateType;
    private volatile String type = DEFAULT_TYPE;
    private volatile String typeVersion = DEFAULT_VERSION;
    private volatile S state;
    private volatile boolean stateChanged;
    private volatile boolean stopRequested;

    private final List<Sent> casts = new CopyOnWriteArrayList<>();
    private final List<Sent> calls = new CopyOnWriteArrayList<>();
    private final List<Spawned> spawns = new CopyOnWriteArrayList<>();
    private final List<TestTimer> timers = new CopyOnWriteArrayList<>();
    private final Map<String, AgentException> castFailures = new ConcurrentHashMap<>();
    private final Map<String, Object> replies = Collections.synchronizedMap(new HashMap<>());
    private volatile BiFunction<String, Object, ? extends CompletionStage<?>> answer =
            (to, message) -> CompletableFuture.completedFuture(null);

    /**
     * A context of type {@value #DEFAULT_TYPE}, version {@value #DEFAULT_VERSION}, that accepts any
     * non-null state.
     *
     * @param id the agent's id
     * @param initialState the state at the start of the first turn, never {@code null}
     */
    public TestAgentContext(String id, S initialState) {
        this(id, null, initialState);
    }

    private TestAgentContext(String id, Class<S> stateType, S initialState) {
        this.id = Objects.requireNonNull(id, "id");
        this.stateType = stateType;
        withState(initialState);
    }

    /**
     * A context for an agent of {@code agentType}: its type name, its initial state for {@code id},
     * and, like the runtime, it rejects states that are not of the type's state class.
     *
     * @param <S> the state type
     * @param agentType the agent type under test
     * @param id the agent's id
     * @return the context, version {@value #DEFAULT_VERSION}
     */
    public static <S> TestAgentContext<S> forType(AgentType<S, ?> agentType, String id) {
        return new TestAgentContext<>(id, agentType.stateType(), agentType.initialState(id)).withType(agentType.name());
    }

    /**
     * @param typeName the type name {@link #type()} returns
     * @return this context
     */
    public TestAgentContext<S> withType(String typeName) {
        this.type = Objects.requireNonNull(typeName, "typeName");
        return this;
    }

    /**
     * @param version the version {@link #typeVersion()} returns, e.g. {@code "2.0.0"}
     * @return this context
     */
    public TestAgentContext<S> withTypeVersion(String version) {
        this.typeVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * Replaces the state as a test set-up step: unlike {@link #setState}, it is not recorded as a change.
     *
     * @param newState the state, never {@code null}
     * @return this context
     * @throws NullPointerException if {@code newState} is {@code null}
     * @throws IllegalArgumentException if it is not of the agent type's state class
     */
    public TestAgentContext<S> withState(S newState) {
        this.state = checked(newState);
        return this;
    }

    /**
     * Answers every call to {@code agentId} with {@code reply}.
     *
     * @param agentId the target agent's id
     * @param reply the reply, possibly {@code null}
     * @return this context
     */
    public TestAgentContext<S> replyTo(String agentId, Object reply) {
        replies.put(agentId, reply);
        return this;
    }

    /**
     * Answers calls to agents without a {@linkplain #replyTo canned reply}. By default such calls
     * complete with {@code null}.
     *
     * @param answer given the target id and the message, the reply stage (may be pending or failed)
     * @return this context
     */
    public TestAgentContext<S> answerCalls(BiFunction<String, Object, ? extends CompletionStage<?>> answer) {
        this.answer = Objects.requireNonNull(answer, "answer");
        return this;
    }

    /**
     * Makes every cast to {@code agentId} throw {@code failure}, as the runtime does when the agent
     * does not exist ({@link io.phoenix.agent.api.AgentNotFoundException}) or its mailbox is full
     * ({@link io.phoenix.agent.api.MailboxFullException}). Failed casts are not recorded.
     *
     * @param agentId the target agent's id
     * @param failure the exception to throw
     * @return this context
     */
    public TestAgentContext<S> failCastsTo(String agentId, AgentException failure) {
        castFailures.put(agentId, Objects.requireNonNull(failure, "failure"));
        return this;
    }

    /**
     * Starts a new turn: forgets the recorded state change, casts, calls, spawns and stop request.
     * The state, timers (they belong to the activation, not the turn) and canned replies stay.
     */
    public void newTurn() {
        stateChanged = false;
        stopRequested = false;
        casts.clear();
        calls.clear();
        spawns.clear();
    }

    /** @return whether {@link #setState} was called since the context was created or {@link #newTurn()} */
    public boolean stateChanged() {
        return stateChanged;
    }

    /** @return whether the agent called {@link #stopSelf()} since creation or {@link #newTurn()} */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** @return the casts that did not throw, in order */
    public List<Sent> casts() {
        return List.copyOf(casts);
    }

    /** @return the calls made, in order */
    public List<Sent> calls() {
        return List.copyOf(calls);
    }

    /** @return the spawns asked for, in order */
    public List<Spawned> spawns() {
        return List.copyOf(spawns);
    }

    /** @return every timer scheduled, in order, including cancelled and fired ones */
    public List<TestTimer> timers() {
        return List.copyOf(timers);
    }

    /** @return the timers neither cancelled nor (if one-shot) fired, in the order they were scheduled */
    public List<TestTimer> pendingTimers() {
        return timers.stream().filter(timer -> !timer.isDone()).toList();
    }

    /**
     * Fires a timer: hands its message to {@code agentType.handle} with this context, as the runtime
     * does when the timer's message reaches the mailbox. A one-shot timer is done afterwards.
     *
     * @param <M> the message type
     * @param timer a pending timer of this context
     * @param agentType the agent type under test
     * @return what {@code handle} returned
     * @throws IllegalArgumentException if the timer is not one of this context's
     * @throws IllegalStateException if the timer was cancelled or has fired (one-shot)
     * @throws Exception what {@code handle} throws
     */
    public <M> Object fire(TestTimer timer, AgentType<S, M> agentType) throws Exception {
        if (!timers.contains(timer)) {
            throw new IllegalArgumentException("not a timer of this context: " + timer);
        }
        if (!timer.take()) {
            throw new IllegalStateException("timer is cancelled or has fired: " + timer);
        }
        return agentType.handle(this, Conversions.convert(timer.message(), agentType.messageType()));
    }

    /**
     * Fires every pending timer once, in the order they were scheduled. Timers scheduled meanwhile
     * wait for the next call; one cancelled meanwhile does not fire.
     *
     * @param <M> the message type
     * @param agentType the agent type under test
     * @return how many timers fired
     * @throws Exception what {@code handle} throws
     */
    public <M> int firePending(AgentType<S, M> agentType) throws Exception {
        int fired = 0;
        for (TestTimer timer : pendingTimers()) {
            if (!timer.isDone()) {
                fire(timer, agentType);
                fired++;
            }
        }
        return fired;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String typeVersion() {
        return typeVersion;
    }

    @Override
    public S state() {
        return state;
    }

    /**
     * Replaces the state and records the change.
     *
     * @throws NullPointerException if {@code newState} is {@code null}
     * @throws IllegalArgumentException if it is not of the agent type's state class
     */
    @Override
    public void setState(S newState) {
        state = checked(newState);
        stateChanged = true;
    }

    private S checked(S newState) {
        Objects.requireNonNull(newState, "state must not be null");
        if (stateType != null && !stateType.isInstance(newState)) {
            throw new IllegalArgumentException("state of type " + type + " must be a " + stateType.getName()
                    + ", not " + newState.getClass().getName());
        }
        return newState;
    }

    @Override
    public AgentRef self() {
        return ref(id);
    }

    /** @return a reference whose casts and calls go through this context's records and canned replies */
    @Override
    public AgentRef ref(String agentId) {
        return new TestRef(this, agentId);
    }

    /** Records the cast, or throws the failure set with {@link #failCastsTo}. */
    @Override
    public void cast(String agentId, Object message) {
        AgentException failure = castFailures.get(agentId);
        if (failure != null) {
            throw failure;
        }
        casts.add(new Sent(agentId, message));
    }

    /**
     * Records the call and answers it: with the {@linkplain #replyTo canned reply} for
     * {@code agentId}, else with the {@linkplain #answerCalls answer function}. The timeout is ignored.
     */
    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<Object> call(String agentId, Object message, Duration timeout) {
        calls.add(new Sent(agentId, message));
        synchronized (replies) {
            if (replies.containsKey(agentId)) {
                return CompletableFuture.completedFuture(replies.get(agentId));
            }
        }
        CompletionStage<?> reply = answer.apply(agentId, message);
        return (CompletionStage<Object>) Objects.requireNonNull(reply, "the answerCalls function returned null");
    }

    /** Records the spawn and returns a reference to the new id at once. */
    @Override
    public CompletionStage<AgentRef> spawn(String agentType, String agentId, Object initialState) {
        spawns.add(new Spawned(agentType, agentId, initialState));
        return CompletableFuture.completedFuture(ref(agentId));
    }

    /** Records a one-shot timer; it fires when the test calls {@link #fire}. */
    @Override
    public TimerHandle schedule(Duration delay, Object message) {
        return addTimer(delay, null, message);
    }

    /** Records a periodic timer; each {@link #fire} is one tick. */
    @Override
    public TimerHandle scheduleAtFixedRate(Duration initialDelay, Duration period, Object message) {
        Objects.requireNonNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive");
        }
        return addTimer(initialDelay, period, message);
    }

    private TestTimer addTimer(Duration delay, Duration period, Object message) {
        TestTimer timer = new TestTimer(Objects.requireNonNull(delay, "delay"), period,
                Objects.requireNonNull(message, "message"));
        timers.add(timer);
        return timer;
    }

    /** Records the request; see {@link #stopRequested()}. */
    @Override
    public void stopSelf() {
        stopRequested = true;
    }

    /** @return the SLF4J logger the runtime would use for this type: {@code phoenix.agent.<type>} */
    @Override
    public Logger log() {
        return LoggerFactory.getLogger("phoenix.agent." + type);
    }
}
