package io.phoenix.example.chatroom;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A message to a chat-member agent:
 * <ul>
 *   <li>{@code {"op":"chat","message":{...}}} — a delivery from a room ({@link ChatMessage});</li>
 *   <li>{@code {"op":"inbox","limit":10}} — read the latest messages received;</li>
 *   <li>{@code {"op":"join","room":"lobby"}}, {@code {"op":"leave","room":"lobby"}},
 *       {@code {"op":"say","room":"lobby","text":"hi"}} — act in a room as this member.</li>
 * </ul>
 *
 * @param op {@code chat}, {@code inbox}, {@code join}, {@code leave} or {@code say}
 * @param message for {@code chat}: the message delivered
 * @param room for {@code join}, {@code leave} and {@code say}: the chat-room agent's id
 * @param text for {@code say}: the text to post
 * @param limit for {@code inbox}: how many of the latest messages, or {@code null} for all kept
 */
// Null fields are left out of the JSON, so a delivery to a member agent of another type is exactly
// {"op":"chat","message":{...}} and decodes into a message class that has only those two fields.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberMessage(String op, ChatMessage message, String room, String text, Integer limit) {

    /**
     * @param message the message delivered
     * @return a {@code chat} delivery
     */
    public static MemberMessage chat(ChatMessage message) {
        return new MemberMessage("chat", message, null, null, null);
    }

    /**
     * @param limit how many of the latest messages, or {@code null} for all kept
     * @return an {@code inbox} request
     */
    public static MemberMessage inbox(Integer limit) {
        return new MemberMessage("inbox", null, null, null, limit);
    }

    /**
     * @param room the chat-room agent's id
     * @return a {@code join} request
     */
    public static MemberMessage join(String room) {
        return new MemberMessage("join", null, room, null, null);
    }

    /**
     * @param room the chat-room agent's id
     * @return a {@code leave} request
     */
    public static MemberMessage leave(String room) {
        return new MemberMessage("leave", null, room, null, null);
    }

    /**
     * @param room the chat-room agent's id
     * @param text the text to post
     * @return a {@code say} request
     */
    public static MemberMessage say(String room, String text) {
        return new MemberMessage("say", null, room, text, null);
    }
}
