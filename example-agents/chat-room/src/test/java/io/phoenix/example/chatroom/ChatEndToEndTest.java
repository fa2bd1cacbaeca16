package io.phoenix.example.chatroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.phoenix.agent.api.AgentNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A room and its members wired together by a tiny in-test router: casts are queued and delivered
 * after the sending turn (as mailboxes do), calls to the room are answered at once.
 */
class ChatEndToEndTest {

    private final ChatRoomAgent roomType = new ChatRoomAgent(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final ChatMemberAgent memberType = new ChatMemberAgent();
    private final FakeContext<RoomState> room = new FakeContext<>("lobby", "chat-room", "1.0.0", roomType.initialState("lobby"));
    private final Map<String, FakeContext<MemberState>> members = new HashMap<>();
    private final Queue<Runnable> mailboxes = new ArrayDeque<>();

    private FakeContext<MemberState> spawnMember(String id) {
        FakeContext<MemberState> member = new FakeContext<>(id, "chat-member", "1.0.0", memberType.initialState(id));
        member.onCall = (to, message) -> CompletableFuture.completedFuture(roomType.handle(room, (RoomMessage) message));
        members.put(id, member);
        return member;
    }

    private void drain() {
        while (!mailboxes.isEmpty()) {
            mailboxes.poll().run();
        }
    }

    @Test
    void postsReachEveryLiveMember() throws Exception {
        room.onCast = (to, message) -> {
            FakeContext<MemberState> target = members.get(to);
            if (target == null) {
                throw new AgentNotFoundException(to, "agent '" + to + "' not found");
            }
            mailboxes.add(() -> memberType.handle(target, (MemberMessage) message));
        };
        FakeContext<MemberState> alice = spawnMember("alice");
        FakeContext<MemberState> bob = spawnMember("bob");
        FakeContext<MemberState> carol = spawnMember("carol");
        for (FakeContext<MemberState> m : List.of(alice, bob, carol)) {
            memberType.handle(m, MemberMessage.join("lobby"));
        }

        memberType.handle(alice, MemberMessage.say("lobby", "hi all"));
        drain();
        members.remove("carol");   // carol's agent is stopped
        Object reply = memberType.handle(bob, MemberMessage.say("lobby", "hi alice"));
        drain();

        assertEquals(new RoomReplies.Posted(2, 2, List.of("carol")),
                ((CompletableFuture<?>) reply).join());
        assertEquals(List.of("hi all", "hi alice"), texts(alice));
        assertEquals(List.of("hi all", "hi alice"), texts(bob));
        assertEquals(List.of("hi all"), texts(carol));
        assertEquals(List.of("alice", "bob"), room.state().members());
    }

    private List<String> texts(FakeContext<MemberState> member) {
        return member.state().inbox().stream().map(ChatMessage::text).toList();
    }
}
