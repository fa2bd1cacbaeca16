package io.phoenix.example.chatroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.testkit.TestAgentContext;
import io.phoenix.agent.testkit.TestAgentContext.Sent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChatMemberAgentTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ChatMemberAgent agent = new ChatMemberAgent();
    private final TestAgentContext<MemberState> ctx = TestAgentContext.forType(agent, "alice");

    private static ChatMessage message(long seq) {
        return new ChatMessage("lobby", seq, "bob", "text " + seq, 1_000 + seq);
    }

    @Test
    void keepsTheLatestMessagesReceived() throws Exception {
        ctx.withState(new MemberState(List.of(), 2, 0));
        String delivery = "{\"op\":\"chat\",\"message\":{\"room\":\"lobby\",\"seq\":1,\"from\":\"bob\",\"text\":\"text 1\",\"at\":1001}}";
        assertNull(agent.handle(ctx, json.readValue(delivery, MemberMessage.class)));
        agent.handle(ctx, MemberMessage.chat(message(2)));
        agent.handle(ctx, MemberMessage.chat(message(3)));

        assertEquals(new Inbox(List.of(message(2), message(3)), 3), agent.handle(ctx, MemberMessage.inbox(null)));
        assertEquals("{\"messages\":[{\"room\":\"lobby\",\"seq\":3,\"from\":\"bob\",\"text\":\"text 3\",\"at\":1003}],\"received\":3}",
                json.writeValueAsString(agent.handle(ctx, json.readValue("{\"op\":\"inbox\",\"limit\":1}", MemberMessage.class))));
    }

    @Test
    void joinsLeavesAndSpeaksThroughTheRoomWithoutBlocking() {
        CompletableFuture<Object> roomReply = new CompletableFuture<>();
        ctx.answerCalls((to, message) -> roomReply);

        Object joined = agent.handle(ctx, MemberMessage.join("lobby"));
        agent.handle(ctx, MemberMessage.say("lobby", "hello"));
        agent.handle(ctx, MemberMessage.leave("lobby"));

        assertSame(roomReply, joined, "the reply is the room's pending answer");
        assertEquals(List.of(new Sent("lobby", RoomMessage.join("alice")),
                new Sent("lobby", RoomMessage.post("alice", "hello")),
                new Sent("lobby", RoomMessage.leave("alice"))), ctx.calls());
        assertFalse(ctx.stateChanged(), "a member keeps no record of its rooms");
    }

    @Test
    void rejectsMalformedMessages() {
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, new MemberMessage("chat", null, null, null, null)));
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, new MemberMessage("join", null, " ", null, null)));
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, new MemberMessage("dance", null, null, null, null)));
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, new MemberMessage(null, null, null, null, null)));
        assertFalse(ctx.stateChanged());
        assertEquals(agent.initialState("alice"), ctx.state());
    }
}
