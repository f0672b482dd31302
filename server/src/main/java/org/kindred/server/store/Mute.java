package org.kindred.server.store;

import java.util.Objects;

/**
 * A member muted in one room until a time.
 *
 * @param until     epoch ms when the mute ends
 * @param mutedBy   moderator name, or {@code "system"}
 * @param reason    why, or null; never message text
 * @param createdAt epoch ms
 */
public record Mute(String room, String memberId, long until, String mutedBy, String reason,
                   long createdAt) {
    public Mute {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(mutedBy, "mutedBy");
        if (until <= createdAt) {
            throw new IllegalArgumentException("a mute must end after it starts");
        }
    }

    public boolean isActiveAt(long now) {
        return now < until;
    }
}
