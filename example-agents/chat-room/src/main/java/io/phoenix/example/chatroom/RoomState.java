package io.phoenix.example.chatroom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The state of a chat-room agent. Immutable: every change makes a new state. Spawn with e.g.
 * {@code {"historySize":20}} to keep fewer messages.
 *
 * @param members the member agents' ids, in the order they joined
 * @param history the most recent messages, oldest first, at most {@code historySize}
 * @param historySize how many messages the room keeps, 1 to {@link ChatRoomAgent#MAX_HISTORY}; 0 (or
 *     absent from the JSON) means {@link ChatRoomAgent#DEFAULT_HISTORY}
 * @param lastSeq the number of the last message posted, 0 before the first
 */
public record RoomState(List<String> members, List<ChatMessage> history, int historySize, long lastSeq) {

    /**
     * Validates the history size and copies the lists.
     *
     * @param members the members' ids
     * @param history the most recent messages
     * @param historySize how many messages to keep
     * @param lastSeq the number of the last message
     * @throws IllegalArgumentException if {@code historySize} is out of range
     */
    public RoomState {
        if (historySize == 0) {
            historySize = ChatRoomAgent.DEFAULT_HISTORY;
        }
        if (historySize < 1 || historySize > ChatRoomAgent.MAX_HISTORY) {
            throw new IllegalArgumentException(
                    "historySize must be between 1 and " + ChatRoomAgent.MAX_HISTORY + ", was " + historySize);
        }
        members = members == null ? List.of() : List.copyOf(members);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * @param historySize how many messages to keep
     * @return an empty room
     */
    static RoomState empty(int historySize) {
        return new RoomState(List.of(), List.of(), historySize, 0);
    }

    RoomState withMember(String member) {
        List<String> copy = new ArrayList<>(members);
        copy.add(member);
        return new RoomState(copy, history, historySize, lastSeq);
    }

    RoomState withoutMembers(Collection<String> gone) {
        if (gone.isEmpty()) {
            return this;
        }
        List<String> copy = new ArrayList<>(members);
        copy.removeAll(gone);
        return new RoomState(copy, history, historySize, lastSeq);
    }

    RoomState withPost(ChatMessage message) {
        List<ChatMessage> copy = new ArrayList<>(history);
        copy.add(message);
        List<ChatMessage> kept = copy.subList(Math.max(0, copy.size() - historySize), copy.size());
        return new RoomState(members, kept, historySize, message.seq());
    }
}
