package org.kindred.server.store;

import java.util.List;
import java.util.Objects;
import org.kindred.protocol.Role;

/**
 * A message held for review.
 *
 * @param msgId      the message id the room gave it (unique)
 * @param writerNick the nickname its writer had in the room when it was held, while pending; null
 *                   once decided (the store erases it) or when not known (held before schema 5)
 * @param writerRole the writer's role when it was held, while pending; null as {@code writerNick}
 * @param text       the message text while pending; null once decided (the store erases it)
 * @param categories moderation categories that held it
 * @param createdAt  epoch ms when it was held
 * @param decidedBy  moderator, or null while pending
 * @param decidedAt  epoch ms, or null while pending
 */
public record HeldMessage(String msgId, String room, String memberId, String writerNick, Role writerRole,
                          String text, List<String> categories, long createdAt, HeldStatus status,
                          String decidedBy, Long decidedAt) {
    public HeldMessage {
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(status, "status");
        categories = List.copyOf(categories);
        for (String c : categories) {
            if (c.isEmpty() || c.contains(",")) {
                throw new IllegalArgumentException("a category is a non-empty word without commas");
            }
        }
    }

    /**
     * A new pending held message, written by {@code memberId} as {@code writerNick} (may be null:
     * not known) with {@code writerRole} (null: a member).
     */
    public static HeldMessage pending(String msgId, String room, String memberId, String writerNick, Role writerRole,
                                      String text, List<String> categories, long createdAt) {
        Objects.requireNonNull(text, "text");
        return new HeldMessage(msgId, room, memberId, writerNick, writerRole, text, categories, createdAt,
                HeldStatus.PENDING, null, null);
    }

    /** A new pending held message whose writer's nickname is not known. */
    public static HeldMessage pending(String msgId, String room, String memberId, String text,
                                      List<String> categories, long createdAt) {
        return pending(msgId, room, memberId, null, null, text, categories, createdAt);
    }

    /** Never prints the text or the writer's nickname. */
    @Override
    public String toString() {
        return "HeldMessage[msgId=" + msgId + ", room=" + room + ", memberId=" + memberId
                + ", categories=" + categories + ", createdAt=" + createdAt + ", status=" + status
                + ", decidedBy=" + decidedBy + ", decidedAt=" + decidedAt + "]";
    }
}
