package io.phoenix.example.chatroom;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.BadMessageException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code "chat-room"} agent type: a room of member agents that keeps its recent messages and
 * casts every post to every member.
 *
 * <p>Messages ({@link RoomMessage}) and replies ({@link RoomReplies}):
 * <pre>
 * {"op":"join","member":"alice"}             -&gt; {"member":"alice","joined":true,"members":1}
 * {"op":"leave","member":"alice"}            -&gt; {"member":"alice","left":true,"members":0}
 * {"op":"post","from":"alice","text":"hi"}   -&gt; {"seq":1,"delivered":2,"removed":[]}
 * {"op":"history","limit":10}                -&gt; {"messages":[{"room":"lobby","seq":1,"from":"alice","text":"hi","at":...}]}
 * {"op":"members"}                           -&gt; {"members":["alice","bob"]}
 * </pre>
 *
 * <p>Members are agent ids of any type that accepts the delivery
 * {@code {"op":"chat","message":{"room":...,"seq":...,"from":...,"text":...,"at":...}}} (see
 * {@link ChatMemberAgent}). A post is cast (fire and forget) to each member, the poster included. A
 * member whose agent no longer exists is removed from the room and the post still succeeds; a member
 * that cannot take the message now (full mailbox, suspended type) keeps its membership and misses
 * this one message; both are logged.
 */
@Component(service = AgentType.class)
public final class ChatRoomAgent implements AgentType<RoomState, RoomMessage> {

    /** The type name. */
    public static final String TYPE = "chat-room";

    /** The most members a room admits. */
    public static final int MAX_MEMBERS = 1_000;

    /** Messages a room keeps unless spawned with another {@code historySize}. */
    public static final int DEFAULT_HISTORY = 100;

    /** The largest {@code historySize}. */
    public static final int MAX_HISTORY = 10_000;

    /** The longest text of a post, in characters. */
    public static final int MAX_TEXT_LENGTH = 4_000;

    /** The longest member id, in characters (as for any agent id). */
    public static final int MAX_ID_LENGTH = 256;

    private final Clock clock;

    /** Creates the type with the system clock. */
    public ChatRoomAgent() {
        this(Clock.systemUTC());
    }

    ChatRoomAgent(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Class<RoomState> stateType() {
        return RoomState.class;
    }

    @Override
    public Class<RoomMessage> messageType() {
        return RoomMessage.class;
    }

    @Override
    public RoomState initialState(String agentId) {
        return RoomState.empty(DEFAULT_HISTORY);
    }

    @Override
    public Object handle(AgentContext<RoomState> ctx, RoomMessage message) {
        String op = message.op();
        if (op == null) {
            throw bad(ctx, "chat-room message has no \"op\"; expected join, leave, post, history or members");
        }
        RoomState state = ctx.state();
        return switch (op) {
            case "join" -> join(ctx, id(ctx, message.member(), "member"));
            case "leave" -> leave(ctx, id(ctx, message.member(), "member"));
            case "post" -> post(ctx, message);
            case "history" -> new RoomReplies.History(latest(ctx, state.history(), message.limit()));
            case "members" -> new RoomReplies.Members(state.members());
            default -> throw bad(ctx, "unknown chat-room op '" + op + "'; expected join, leave, post, history or members");
        };
    }

    private RoomReplies.Joined join(AgentContext<RoomState> ctx, String member) {
        RoomState state = ctx.state();
        if (state.members().contains(member)) {
            return new RoomReplies.Joined(member, false, state.members().size());
        }
        if (state.members().size() >= MAX_MEMBERS) {
            throw bad(ctx, "chat room '" + ctx.id() + "' is full: it has its maximum of " + MAX_MEMBERS + " members");
        }
        state = state.withMember(member);
        ctx.setState(state);
        return new RoomReplies.Joined(member, true, state.members().size());
    }

    private RoomReplies.Left leave(AgentContext<RoomState> ctx, String member) {
        RoomState state = ctx.state();
        if (!state.members().contains(member)) {
            return new RoomReplies.Left(member, false, state.members().size());
        }
        state = state.withoutMembers(List.of(member));
        ctx.setState(state);
        return new RoomReplies.Left(member, true, state.members().size());
    }

    private RoomReplies.Posted post(AgentContext<RoomState> ctx, RoomMessage message) {
        String from = id(ctx, message.from(), "from");
        String text = message.text();
        if (text == null || text.isBlank()) {
            throw bad(ctx, "chat-room post needs a non-blank \"text\"");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw bad(ctx, "chat-room post text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        RoomState state = ctx.state();
        if (!state.members().contains(from)) {
            throw bad(ctx, "'" + from + "' is not a member of chat room '" + ctx.id() + "'; join first");
        }
        ChatMessage chat = new ChatMessage(ctx.id(), state.lastSeq() + 1, from, text, clock.millis());
        MemberMessage delivery = MemberMessage.chat(chat);
        List<String> removed = new ArrayList<>();
        int delivered = 0;
        for (String member : state.members()) {
            try {
                ctx.cast(member, delivery);
                delivered++;
            } catch (AgentNotFoundException e) {
                removed.add(member);
                ctx.log().info("chat room {}: member {} no longer exists; removed it from the room", ctx.id(), member);
            } catch (AgentException e) {
                ctx.log().warn("chat room {}: message {} not delivered to member {}: {} ({})",
                        ctx.id(), chat.seq(), member, e.getMessage(), e.code());
            }
        }
        ctx.setState(state.withPost(chat).withoutMembers(removed));
        return new RoomReplies.Posted(chat.seq(), delivered, removed);
    }

    /**
     * @return the latest {@code limit} messages (all if {@code limit} is {@code null}), oldest first
     */
    static List<ChatMessage> latest(AgentContext<?> ctx, List<ChatMessage> messages, Integer limit) {
        if (limit == null) {
            return messages;
        }
        if (limit < 1) {
            throw bad(ctx, "\"limit\" must be positive, was " + limit);
        }
        return messages.subList(Math.max(0, messages.size() - limit), messages.size());
    }

    static String id(AgentContext<?> ctx, String id, String field) {
        if (id == null || id.isBlank()) {
            throw bad(ctx, "chat message needs a non-blank \"" + field + "\"");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw bad(ctx, "\"" + field + "\" is longer than " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    static BadMessageException bad(AgentContext<?> ctx, String message) {
        return new BadMessageException(ctx.id(), message);
    }
}
