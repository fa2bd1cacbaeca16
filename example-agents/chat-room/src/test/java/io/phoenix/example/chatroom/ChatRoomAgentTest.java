package io.phoenix.example.chatroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.MailboxFullException;
import io.phoenix.agent.testkit.TestAgentContext;
import io.phoenix.agent.testkit.TestAgentContext.Sent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatRoomAgentTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final ChatRoomAgent agent = new ChatRoomAgent(Clock.fixed(NOW, ZoneOffset.UTC));
    private final TestAgentContext<RoomState> ctx = TestAgentContext.forType(agent, "lobby");

    private Object send(String messageJson) throws Exception {
        return agent.handle(ctx, json.readValue(messageJson, RoomMessage.class));
    }

    private String reply(String messageJson) throws Exception {
        return json.writeValueAsString(send(messageJson));
    }

    @Test
    void membersJoinOnceAndLeave() throws Exception {
        assertEquals("{\"member\":\"alice\",\"joined\":true,\"members\":1}", reply("{\"op\":\"join\",\"member\":\"alice\"}"));
        assertEquals("{\"member\":\"bob\",\"joined\":true,\"members\":2}", reply("{\"op\":\"join\",\"member\":\"bob\"}"));
        assertEquals("{\"member\":\"alice\",\"joined\":false,\"members\":2}", reply("{\"op\":\"join\",\"member\":\"alice\"}"));
        assertEquals("{\"members\":[\"alice\",\"bob\"]}", reply("{\"op\":\"members\"}"));
        assertEquals("{\"member\":\"alice\",\"left\":true,\"members\":1}", reply("{\"op\":\"leave\",\"member\":\"alice\"}"));
        assertEquals("{\"member\":\"alice\",\"left\":false,\"members\":1}", reply("{\"op\":\"leave\",\"member\":\"alice\"}"));
        assertEquals(List.of("bob"), ctx.state().members());
    }

    @Test
    void postCastsToEveryMemberAndKeepsHistory() throws Exception {
        agent.handle(ctx, RoomMessage.join("alice"));
        agent.handle(ctx, RoomMessage.join("bob"));

        assertEquals("{\"seq\":1,\"delivered\":2,\"removed\":[]}", reply("{\"op\":\"post\",\"from\":\"alice\",\"text\":\"hi\"}"));

        ChatMessage expected = new ChatMessage("lobby", 1, "alice", "hi", NOW.toEpochMilli());
        assertEquals(List.of(new Sent("alice", MemberMessage.chat(expected)),
                new Sent("bob", MemberMessage.chat(expected))), ctx.casts());
        assertEquals(List.of(expected), ctx.state().history());
        assertEquals("{\"messages\":[{\"room\":\"lobby\",\"seq\":1,\"from\":\"alice\",\"text\":\"hi\",\"at\":"
                + NOW.toEpochMilli() + "}]}", reply("{\"op\":\"history\"}"));
        assertEquals("{\"op\":\"chat\",\"message\":{\"room\":\"lobby\",\"seq\":1,\"from\":\"alice\",\"text\":\"hi\",\"at\":"
                + NOW.toEpochMilli() + "}}", json.writeValueAsString(ctx.casts().get(0).message()));
    }

    @Test
    void aMemberThatNoLongerExistsIsRemovedAndThePostSucceeds() {
        agent.handle(ctx, RoomMessage.join("alice"));
        agent.handle(ctx, RoomMessage.join("ghost"));
        agent.handle(ctx, RoomMessage.join("bob"));
        ctx.failCastsTo("ghost", new AgentNotFoundException("ghost", "agent 'ghost' not found"));

        RoomReplies.Posted posted = (RoomReplies.Posted) agent.handle(ctx, RoomMessage.post("bob", "anyone?"));

        assertEquals(new RoomReplies.Posted(1, 2, List.of("ghost")), posted);
        assertEquals(List.of("alice", "bob"), ctx.state().members());
        assertEquals(1, ctx.state().history().size());
        assertEquals(List.of("alice", "bob"), ctx.casts().stream().map(Sent::to).toList());
    }

    @Test
    void aMemberThatCannotTakeTheMessageNowStaysAMember() {
        agent.handle(ctx, RoomMessage.join("alice"));
        agent.handle(ctx, RoomMessage.join("busy"));
        ctx.failCastsTo("busy", new MailboxFullException("busy", "mailbox of 'busy' is full"));
        assertEquals(new RoomReplies.Posted(1, 1, List.of()), agent.handle(ctx, RoomMessage.post("alice", "hello")));
        assertEquals(List.of("alice", "busy"), ctx.state().members());
    }

    @Test
    void historyKeepsTheLatestMessages() throws Exception {
        ctx.withState(json.readValue("{\"historySize\":3}", RoomState.class));
        agent.handle(ctx, RoomMessage.join("alice"));
        for (int i = 1; i <= 5; i++) {
            agent.handle(ctx, RoomMessage.post("alice", "m" + i));
        }
        assertEquals(List.of(3L, 4L, 5L), ctx.state().history().stream().map(ChatMessage::seq).toList());
        assertEquals(5, ctx.state().lastSeq());
        RoomReplies.History last2 = (RoomReplies.History) agent.handle(ctx, RoomMessage.history(2));
        assertEquals(List.of("m4", "m5"), last2.messages().stream().map(ChatMessage::text).toList());
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, RoomMessage.history(0)));
    }

    @Test
    void rejectsPostsFromNonMembersAndMalformedMessages() {
        agent.handle(ctx, RoomMessage.join("alice"));
        RoomState before = ctx.state();
        ctx.newTurn();
        BadMessageException e = assertThrows(BadMessageException.class, () -> agent.handle(ctx, RoomMessage.post("eve", "hi")));
        assertEquals("'eve' is not a member of chat room 'lobby'; join first", e.getMessage());
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, RoomMessage.post("alice", " ")));
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, RoomMessage.post("alice", "x".repeat(4_001))));
        assertThrows(BadMessageException.class, () -> send("{\"op\":\"join\"}"));
        assertThrows(BadMessageException.class, () -> send("{\"op\":\"kick\",\"member\":\"alice\"}"));
        assertThrows(BadMessageException.class, () -> send("{}"));
        assertFalse(ctx.stateChanged());
        assertEquals(before, ctx.state());
        assertTrue(ctx.casts().isEmpty());
    }

    @Test
    void aFullRoomRejectsNewMembers() {
        for (int i = 0; i < ChatRoomAgent.MAX_MEMBERS; i++) {
            agent.handle(ctx, RoomMessage.join("m" + i));
        }
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, RoomMessage.join("late")));
        assertFalse(((RoomReplies.Joined) agent.handle(ctx, RoomMessage.join("m0"))).joined());
    }

    @Test
    void stateRoundTripsThroughJson() throws Exception {
        agent.handle(ctx, RoomMessage.join("alice"));
        agent.handle(ctx, RoomMessage.post("alice", "hi"));
        assertEquals(ctx.state(), json.readValue(json.writeValueAsString(ctx.state()), RoomState.class));
        assertEquals(ChatRoomAgent.DEFAULT_HISTORY, json.readValue("{}", RoomState.class).historySize());
    }
}
