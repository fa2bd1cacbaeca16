package io.phoenix.example.chatroom;

import java.util.List;

/**
 * A chat-member's reply to {@code inbox}: {@code {"messages":[...],"received":12}}.
 *
 * @param messages the latest messages received, oldest first
 * @param received how many messages the member received in total
 */
public record Inbox(List<ChatMessage> messages, long received) {
}
