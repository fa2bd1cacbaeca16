package io.phoenix.example.counter;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentRef;
import io.phoenix.agent.api.TimerHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test double of the runtime's per-turn context: holds the state and records what the agent asked
 * for (casts, calls, timers), so a unit test can call {@code handle} directly. It does not roll the
 * state back when a turn throws, so tests also check that agents do not set state before failing.
 */
final class FakeContext<S> implements AgentContext<S> {

    /** A cast or call the agent made. */
    record Sent(String to, Object message) {
    }

    /** A timer the agent scheduled; {@code period} is {@code null} for one-shot timers. */
    record Timer(Duration delay, Duration period, Object message, FakeTimer handle) {
    }

    /** A timer handle that only records cancellation. */
    static final class FakeTimer implements TimerHandle {
        private boolean cancelled;

        @Override
        public boolean cancel() {
            boolean was = cancelled;
            cancelled = true;
            return !was;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }
    }

    final List<Sent> casts = new ArrayList<>();
    final List<Sent> calls = new ArrayList<>();
    final List<Timer> timers = new ArrayList<>();
    /** What a cast does; throw from it to simulate delivery failures. */
    BiConsumer<String, Object> onCast = (to, message) -> { };
    /** What a call returns. */
    BiFunction<String, Object, CompletionStage<Object>> onCall = (to, message) -> CompletableFuture.completedFuture(null);
    boolean stopped;

    private final String id;
    private final String type;
    private final String version;
    private S state;

    FakeContext(String id, String type, String version, S state) {
        this.id = id;
        this.type = type;
        this.version = version;
        this.state = state;
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
        return version;
    }

    @Override
    public S state() {
        return state;
    }

    @Override
    public void setState(S newState) {
        if (newState == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        state = newState;
    }

    @Override
    public AgentRef self() {
        return ref(id);
    }

    @Override
    public AgentRef ref(String agentId) {
        FakeContext<S> ctx = this;
        return new AgentRef() {
            @Override
            public String id() {
                return agentId;
            }

            @Override
            public void cast(Object message) {
                ctx.cast(agentId, message);
            }

            @Override
            public CompletionStage<Object> call(Object message, Duration timeout) {
                return ctx.call(agentId, message, timeout);
            }

            @Override
            public <R> CompletionStage<R> call(Object message, Class<R> replyType, Duration timeout) {
                return ctx.call(agentId, message, timeout).thenApply(replyType::cast);
            }
        };
    }

    @Override
    public void cast(String agentId, Object message) {
        onCast.accept(agentId, message);
        casts.add(new Sent(agentId, message));
    }

    @Override
    public CompletionStage<Object> call(String agentId, Object message, Duration timeout) {
        calls.add(new Sent(agentId, message));
        return onCall.apply(agentId, message);
    }

    @Override
    public CompletionStage<AgentRef> spawn(String agentType, String agentId, Object initialState) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("spawn"));
    }

    @Override
    public TimerHandle schedule(Duration delay, Object message) {
        FakeTimer handle = new FakeTimer();
        timers.add(new Timer(delay, null, message, handle));
        return handle;
    }

    @Override
    public TimerHandle scheduleAtFixedRate(Duration initialDelay, Duration period, Object message) {
        FakeTimer handle = new FakeTimer();
        timers.add(new Timer(initialDelay, period, message, handle));
        return handle;
    }

    @Override
    public void stopSelf() {
        stopped = true;
    }

    @Override
    public Logger log() {
        return LoggerFactory.getLogger("agent." + type);
    }
}
