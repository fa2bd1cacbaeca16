package io.phoenix.example.chatroom;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of a chat-member agent. Immutable. Spawn with e.g. {@code {"inboxSize":10}} to keep fewer
 * messages.
 *
 * @param inbox the latest messages received, oldest first, at most {@code inboxSize}
 * @param inboxSize how many messages to keep, 1 to {@link ChatMemberAgent#MAX_INBOX}; 0 (or absent from
 *     the JSON) means {@link ChatMemberAgent#DEFAULT_INBOX}
 * @param received how many messages were received in total
 */
public record MemberState(List<ChatMessage> inbox, int inboxSize, long received) {

    /**
     * Validates the inbox size and copies the inbox.
     *
     * @param inbox the latest messages received
     * @param inboxSize how many messages to keep
     * @param received how many messages were received
     * @throws IllegalArgumentException if {@code inboxSize} is out of range
     */
    public MemberState {
        if (inboxSize == 0) {
            inboxSize = ChatMemberAgent.DEFAULT_INBOX;
        }
        if (inboxSize < 1 || inboxSize > ChatMemberAgent.MAX_INBOX) {
            throw new IllegalArgumentException(
                    "inboxSize must be between 1 and " + ChatMemberAgent.MAX_INBOX + ", was " + inboxSize);
        }
        inbox = inbox == null ? List.of() : List.copyOf(inbox);
    }

    MemberState withReceived(ChatMessage message) {
        List<ChatMessage> copy = new ArrayList<>(inbox);
        copy.add(message);
        List<ChatMessage> kept = copy.subList(Math.max(0, copy.size() - inboxSize), copy.size());
        return new MemberState(kept, inboxSize, received + 1);
    }
}
