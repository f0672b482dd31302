package org.kindred.server.moderation;

import java.util.Objects;
import java.util.List;
import org.kindred.protocol.Role;

/**
 * Everything the pipeline needs to judge one {@code send}. (Slow mode is not here: it is the
 * room's own rule, checked before the pipeline runs.)
 *
 * @param room              room id
 * @param memberId          sender's member id
 * @param role              sender's role; moderators skip link holds
 * @param fingerprint       sender's network fingerprint (keyed hash), or null if unknown
 * @param memberSinceMillis when the member first appeared (epoch ms)
 * @param nowMillis         the current time (epoch ms); injected so tests are deterministic
 * @param text              the text as sent
 * @param mentionable       nicknames of the room's members (compared ignoring case): "@nick" of one
 *                          of them is a mention, not a social-media handle to hide
 */
public record MessageContext(String room, String memberId, Role role, String fingerprint,
        long memberSinceMillis, long nowMillis, String text, List<String> mentionable) {
    public MessageContext {
        Objects.requireNonNull(mentionable, "mentionable");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    /** A context in which nobody can be mentioned (tests, benchmarks, checks outside a room). */
    public MessageContext(String room, String memberId, Role role, String fingerprint, long memberSinceMillis,
            long nowMillis, String text) {
        this(room, memberId, role, fingerprint, memberSinceMillis, nowMillis, text, List.of());
    }

    @Override
    public String toString() { // never log content
        return "MessageContext[room=" + room + ", member=" + memberId + ", role=" + role
                + ", length=" + text.length() + "]";
    }
}
