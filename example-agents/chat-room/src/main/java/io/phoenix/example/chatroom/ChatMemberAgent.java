package io.phoenix.example.chatroom;

import static io.phoenix.example.chatroom.ChatRoomAgent.bad;
import static io.phoenix.example.chatroom.ChatRoomAgent.id;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentType;
import java.time.Duration;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code "chat-member"} agent type: a participant of chat rooms that keeps an inbox of the latest
 * messages it received.
 *
 * <p>Messages ({@link MemberMessage}) and replies:
 * <pre>
 * {"op":"chat","message":{...}}          (from a room; no reply)
 * {"op":"inbox","limit":10}              -&gt; {"messages":[...],"received":12}
 * {"op":"join","room":"lobby"}           -&gt; the room's reply to join
 * {"op":"leave","room":"lobby"}          -&gt; the room's reply to leave
 * {"op":"say","room":"lobby","text":"hi"} -&gt; the room's reply to post
 * </pre>
 * {@code join}, {@code leave} and {@code say} call the room with this agent's id and reply with the
 * room's answer once it arrives, without blocking the member's turn.
 */
@Component(service = AgentType.class)
public final class ChatMemberAgent implements AgentType<MemberState, MemberMessage> {

    /** The type name. */
    public static final String TYPE = "chat-member";

    /** Messages an inbox keeps unless spawned with another {@code inboxSize}. */
    public static final int DEFAULT_INBOX = 50;

    /** The largest {@code inboxSize}. */
    public static final int MAX_INBOX = 10_000;

    /** How long a member waits for a room to answer {@code join}, {@code leave} or {@code say}. */
    public static final Duration ROOM_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Class<MemberState> stateType() {
        return MemberState.class;
    }

    @Override
    public Class<MemberMessage> messageType() {
        return MemberMessage.class;
    }

    @Override
    public MemberState initialState(String agentId) {
        return new MemberState(List.of(), DEFAULT_INBOX, 0);
    }

    @Override
    public Object handle(AgentContext<MemberState> ctx, MemberMessage message) {
        String op = message.op();
        if (op == null) {
            throw bad(ctx, "chat-member message has no \"op\"; expected chat, inbox, join, leave or say");
        }
        return switch (op) {
            case "chat" -> {
                if (message.message() == null) {
                    throw bad(ctx, "chat-member chat needs a \"message\"");
                }
                ctx.setState(ctx.state().withReceived(message.message()));
                yield null;
            }
            case "inbox" -> new Inbox(ChatRoomAgent.latest(ctx, ctx.state().inbox(), message.limit()),
                    ctx.state().received());
            case "join" -> ctx.call(id(ctx, message.room(), "room"), RoomMessage.join(ctx.id()), ROOM_TIMEOUT);
            case "leave" -> ctx.call(id(ctx, message.room(), "room"), RoomMessage.leave(ctx.id()), ROOM_TIMEOUT);
            case "say" -> ctx.call(id(ctx, message.room(), "room"), RoomMessage.post(ctx.id(), message.text()),
                    ROOM_TIMEOUT);
            default -> throw bad(ctx, "unknown chat-member op '" + op + "'; expected chat, inbox, join, leave or say");
        };
    }
}
