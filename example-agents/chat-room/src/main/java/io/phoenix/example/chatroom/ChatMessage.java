package io.phoenix.example.chatroom;

/**
 * A message posted to a chat room, as kept in its history and delivered to its members.
 *
 * @param room the id of the chat-room agent
 * @param seq the message's number in the room, from 1
 * @param from the id of the member who posted it
 * @param text the text
 * @param at when the room accepted it, in epoch milliseconds
 */
public record ChatMessage(String room, long seq, String from, String text, long at) {
}
