package io.phoenix.example.chatroom;

/**
 * A message to a chat-room agent:
 * {@code {"op":"join","member":"alice"}}, {@code {"op":"leave","member":"alice"}},
 * {@code {"op":"post","from":"alice","text":"hello"}}, {@code {"op":"history","limit":10}},
 * {@code {"op":"members"}}.
 *
 * @param op {@code join}, {@code leave}, {@code post}, {@code history} or {@code members}
 * @param member for {@code join} and {@code leave}: the member agent's id
 * @param from for {@code post}: the id of the posting member
 * @param text for {@code post}: the text
 * @param limit for {@code history}: how many of the latest messages to return, or {@code null} for all
 */
public record RoomMessage(String op, String member, String from, String text, Integer limit) {

    /**
     * @param member the member agent's id
     * @return a {@code join}
     */
    public static RoomMessage join(String member) {
        return new RoomMessage("join", member, null, null, null);
    }

    /**
     * @param member the member agent's id
     * @return a {@code leave}
     */
    public static RoomMessage leave(String member) {
        return new RoomMessage("leave", member, null, null, null);
    }

    /**
     * @param from the posting member's id
     * @param text the text
     * @return a {@code post}
     */
    public static RoomMessage post(String from, String text) {
        return new RoomMessage("post", null, from, text, null);
    }

    /**
     * @param limit how many of the latest messages, or {@code null} for all
     * @return a {@code history}
     */
    public static RoomMessage history(Integer limit) {
        return new RoomMessage("history", null, null, null, limit);
    }

    /** @return a {@code members} */
    public static RoomMessage members() {
        return new RoomMessage("members", null, null, null, null);
    }
}
