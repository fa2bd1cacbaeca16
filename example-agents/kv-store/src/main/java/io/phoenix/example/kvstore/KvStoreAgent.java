package io.phoenix.example.kvstore;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.BadMessageException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code "kv-store"} agent type: each agent is a bounded key/value map whose values may expire.
 *
 * <p>Messages ({@link KvMessage}) and replies ({@link KvReplies}):
 * <pre>
 * {"op":"put","key":"a","value":"x"}              -&gt; {"key":"a","revision":1,"created":true,"expiresAt":null}
 * {"op":"put","key":"s","value":{"n":1},"ttlMs":60000}   value: any JSON; expires after 60 s
 * {"op":"get","key":"a"}                          -&gt; {"key":"a","found":true,"value":"x","expiresAt":null}
 * {"op":"delete","key":"a"}                       -&gt; {"key":"a","deleted":true}
 * {"op":"keys"}                                   -&gt; {"keys":["s"]}
 * {"op":"size"}                                   -&gt; {"size":1,"maxKeys":10000}
 * </pre>
 * A {@code put} of a new key into a store that holds {@link KvState#maxKeys()} live keys fails with
 * {@link BadMessageException}; overwriting an existing key always works.
 *
 * <p>Expiry uses the agent's timers: a {@code put} with {@code ttlMs} schedules an {@code expire}
 * message to the agent itself, naming the entry's revision so that a later write of the same key is
 * not removed by the earlier timer. Timers belong to the activation, so {@link #onActivate} schedules
 * them again after passivation or a restart; reads treat a value past its expiry as absent even
 * before its timer fired.
 */
@Component(service = AgentType.class)
public final class KvStoreAgent implements AgentType<KvState, KvMessage> {

    /** The type name. */
    public static final String TYPE = "kv-store";

    /** The bound of a store spawned without one. */
    public static final int DEFAULT_MAX_KEYS = 10_000;

    /** The largest bound a store may be given. */
    public static final int MAX_MAX_KEYS = 1_000_000;

    /** The longest key, in characters. */
    public static final int MAX_KEY_LENGTH = 256;

    /** The longest time to live. */
    public static final Duration MAX_TTL = Duration.ofDays(365);

    private final Clock clock;

    /** Creates the type with the system clock. */
    public KvStoreAgent() {
        this(Clock.systemUTC());
    }

    KvStoreAgent(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Class<KvState> stateType() {
        return KvState.class;
    }

    @Override
    public Class<KvMessage> messageType() {
        return KvMessage.class;
    }

    @Override
    public KvState initialState(String agentId) {
        return new KvState(DEFAULT_MAX_KEYS, 0, Map.of());
    }

    /** Schedules the expiry of every value with a time to live; those already due expire at once. */
    @Override
    public void onActivate(AgentContext<KvState> ctx) {
        long now = clock.millis();
        ctx.state().entries().forEach((key, entry) -> {
            if (entry.expiresAt() != null) {
                long delay = Math.max(0, entry.expiresAt() - now);
                ctx.schedule(Duration.ofMillis(delay), KvMessage.expire(key, entry.revision()));
            }
        });
    }

    @Override
    public Object handle(AgentContext<KvState> ctx, KvMessage message) {
        String op = message.op();
        if (op == null) {
            throw bad(ctx, "kv-store message has no \"op\"; expected put, get, delete, keys or size");
        }
        long now = clock.millis();
        return switch (op) {
            case "put" -> put(ctx, message, now);
            case "get" -> get(ctx, message, now);
            case "delete" -> delete(ctx, message, now);
            case "keys" -> new KvReplies.Keys(liveKeys(ctx.state(), now));
            case "size" -> new KvReplies.Size(liveKeys(ctx.state(), now).size(), ctx.state().maxKeys());
            case "expire" -> expire(ctx, message, now);
            default -> throw bad(ctx, "unknown kv-store op '" + op + "'; expected put, get, delete, keys or size");
        };
    }

    private KvReplies.Put put(AgentContext<KvState> ctx, KvMessage message, long now) {
        String key = key(ctx, message);
        if (message.value() == null) {
            throw bad(ctx, "kv-store put of '" + key + "' has no \"value\"");
        }
        Long ttl = message.ttlMs();
        if (ttl != null && (ttl < 1 || ttl > MAX_TTL.toMillis())) {
            throw bad(ctx, "kv-store \"ttlMs\" must be between 1 and " + MAX_TTL.toMillis() + ", was " + ttl);
        }
        KvState state = ctx.state();
        boolean created = state.live(key, now) == null;
        if (!state.entries().containsKey(key) && state.entries().size() >= state.maxKeys()) {
            state = state.withoutExpired(now);
            if (state.entries().size() >= state.maxKeys()) {
                throw bad(ctx, "kv-store '" + ctx.id() + "' is full: it holds its maximum of "
                        + state.maxKeys() + " keys; delete keys before adding '" + key + "'");
            }
        }
        long revision = state.revision() + 1;
        Long expiresAt = ttl == null ? null : now + ttl;
        ctx.setState(state.with(key, new KvEntry(message.value(), revision, expiresAt)));
        if (ttl != null) {
            ctx.schedule(Duration.ofMillis(ttl), KvMessage.expire(key, revision));
        }
        return new KvReplies.Put(key, revision, created, expiresAt);
    }

    private KvReplies.Value get(AgentContext<KvState> ctx, KvMessage message, long now) {
        String key = key(ctx, message);
        KvEntry entry = ctx.state().live(key, now);
        return entry == null
                ? new KvReplies.Value(key, false, null, null)
                : new KvReplies.Value(key, true, entry.value(), entry.expiresAt());
    }

    private KvReplies.Deleted delete(AgentContext<KvState> ctx, KvMessage message, long now) {
        String key = key(ctx, message);
        KvState state = ctx.state();
        if (!state.entries().containsKey(key)) {
            return new KvReplies.Deleted(key, false);
        }
        boolean live = state.live(key, now) != null;
        ctx.setState(state.without(key));
        return new KvReplies.Deleted(key, live);
    }

    private Object expire(AgentContext<KvState> ctx, KvMessage message, long now) {
        String key = key(ctx, message);
        if (message.revision() == null) {
            throw bad(ctx, "kv-store expire of '" + key + "' has no \"revision\"");
        }
        KvEntry entry = ctx.state().entries().get(key);
        if (entry == null || entry.expiresAt() == null || entry.revision() != message.revision()) {
            return null;   // deleted or rewritten since the timer was set
        }
        if (entry.expiredAt(now)) {
            ctx.setState(ctx.state().without(key));
            ctx.log().debug("kv-store {}: key '{}' expired", ctx.id(), key);
        } else {
            // The wall clock is behind the timer (e.g. the agent moved to a node whose clock differs).
            ctx.schedule(Duration.ofMillis(entry.expiresAt() - now), message);
        }
        return null;
    }

    private static List<String> liveKeys(KvState state, long now) {
        return state.entries().entrySet().stream()
                .filter(e -> !e.getValue().expiredAt(now))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private static String key(AgentContext<?> ctx, KvMessage message) {
        String key = message.key();
        if (key == null || key.isEmpty()) {
            throw bad(ctx, "kv-store " + message.op() + " needs a non-empty \"key\"");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw bad(ctx, "kv-store key is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    private static BadMessageException bad(AgentContext<?> ctx, String message) {
        return new BadMessageException(ctx.id(), message);
    }
}
