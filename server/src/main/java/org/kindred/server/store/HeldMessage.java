package org.kindred.server.store;

import java.util.List;
import java.util.Objects;

/**
 * A message held for review.
 *
 * @param msgId      the message id the room gave it (unique)
 * @param text       the message text while pending; null once decided (the store erases it)
 * @param categories moderation categories that held it
 * @param createdAt  epoch ms when it was held
 * @param decidedBy  moderator, or null while pending
 * @param decidedAt  epoch ms, or null while pending
 */
public record HeldMessage(String msgId, String room, String memberId, String text,
                          List<String> categories, long createdAt, HeldStatus status,
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

    /** A new pending held message. */
    public static HeldMessage pending(String msgId, String room, String memberId, String text,
                                      List<String> categories, long createdAt) {
        Objects.requireNonNull(text, "text");
        return new HeldMessage(msgId, room, memberId, text, categories, createdAt,
                HeldStatus.PENDING, null, null);
    }

    /** Never prints the text. */
    @Override
    public String toString() {
        return "HeldMessage[msgId=" + msgId + ", room=" + room + ", memberId=" + memberId
                + ", categories=" + categories + ", createdAt=" + createdAt + ", status=" + status
                + ", decidedBy=" + decidedBy + ", decidedAt=" + decidedAt + "]";
    }
}
