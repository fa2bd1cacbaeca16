package io.phoenix.example.chatroom;

import java.util.List;

/** The replies of a chat-room agent, one record per operation. */
public final class RoomReplies {

    private RoomReplies() {
    }

    /**
     * Reply to {@code join}: {@code {"member":"alice","joined":true,"members":2}}.
     *
     * @param member the member
     * @param joined {@code false} if it was a member already
     * @param members the number of members now
     */
    public record Joined(String member, boolean joined, int members) {
    }

    /**
     * Reply to {@code leave}: {@code {"member":"alice","left":true,"members":1}}.
     *
     * @param member the member
     * @param left {@code false} if it was not a member
     * @param members the number of members now
     */
    public record Left(String member, boolean left, int members) {
    }

    /**
     * Reply to {@code post}: {@code {"seq":3,"delivered":2,"removed":["gone-agent"]}}.
     *
     * @param seq the message's number in the room
     * @param delivered to how many members it was sent
     * @param removed members removed because their agent no longer exists
     */
    public record Posted(long seq, int delivered, List<String> removed) {
    }

    /**
     * Reply to {@code history}: {@code {"messages":[...]}}.
     *
     * @param messages the latest messages, oldest first
     */
    public record History(List<ChatMessage> messages) {
    }

    /**
     * Reply to {@code members}: {@code {"members":["alice","bob"]}}.
     *
     * @param members the members' ids, in the order they joined
     */
    public record Members(List<String> members) {
    }
}
