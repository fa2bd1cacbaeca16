package io.phoenix.example.chatroom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.testkit.AgentTestKit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A room and its members in the real runtime: members call the room without blocking their turn, the
 * room casts each post into every member's mailbox, and the members' inboxes fill asynchronously.
 */
class ChatEndToEndTest {

    private final AgentTestKit kit = new AgentTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void postsReachEveryLiveMember() {
        kit.register(new ChatRoomAgent(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
        kit.register(new ChatMemberAgent());
        kit.spawn(ChatRoomAgent.TYPE, "lobby");
        List<String> members = List.of("alice", "bob", "carol");
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            kit.spawn(ChatMemberAgent.TYPE, member);
            assertEquals(new RoomReplies.Joined(member, true, i + 1),
                    kit.call(member, MemberMessage.join("lobby"), RoomReplies.Joined.class), "the room's reply, via the member");
        }

        assertEquals("{\"seq\":1,\"delivered\":3,\"removed\":[]}",
                kit.call("alice", "{\"op\":\"say\",\"room\":\"lobby\",\"text\":\"hi all\"}"));
        awaitInbox("carol", List.of("hi all"));
        kit.await(kit.runtime().stop("carol"));
        String reply = kit.call("bob", "{\"op\":\"say\",\"room\":\"lobby\",\"text\":\"hi alice\"}");

        assertEquals("{\"seq\":2,\"delivered\":2,\"removed\":[\"carol\"]}", reply);
        awaitInbox("alice", List.of("hi all", "hi alice"));
        awaitInbox("bob", List.of("hi all", "hi alice"));
        assertThrows(AgentNotFoundException.class, () -> kit.info("carol"));
        assertEquals(List.of("alice", "bob"), kit.state("lobby", RoomState.class).members());
        assertEquals(List.of(1L, 2L), kit.state("lobby", RoomState.class).history().stream().map(ChatMessage::seq).toList());
    }

    private void awaitInbox(String member, List<String> texts) {
        await().atMost(kit.timeout()).until(() -> texts(member), texts::equals);
    }

    private List<String> texts(String member) {
        return kit.state(member, MemberState.class).inbox().stream().map(ChatMessage::text).toList();
    }
}
