package org.kindred.server.events;

import java.util.Objects;

/**
 * One change of staff state, as told to the other nodes. It names what changed and whom it
 * concerns, never why: no reason, note, nickname, message text or address travels with it
 * (receivers read the details from the store).
 *
 * @param kind     what happened
 * @param memberId the member concerned (for a ban: the banned member, or null for a ban of a
 *                 network fingerprint only)
 * @param room     the room of a mute, lifted mute, kick or held message; null for bans
 * @param banId    the ban's id for {@link Kind#BAN} and {@link Kind#UNBAN}; the held message's id for
 *                 {@link Kind#HELD} (see {@link #heldMsg()}); null for mutes and kicks
 * @param origin   the {@linkplain ClusterEvents#nodeId() node id} of the node that published it
 */
public record StaffChange(Kind kind, String memberId, String room, String banId, String origin) {
    /** What happened. */
    public enum Kind {
        /**
         * A ban was recorded (or completed with the member's network fingerprint): close the
         * member's connections, refuse it from now on.
         */
        BAN,
        /** A ban was lifted. */
        UNBAN,
        /** A member was muted in a room (until a time the store knows). */
        MUTE,
        /** A member's mute in a room was lifted early. */
        UNMUTE,
        /**
         * A member was kicked out of a room by a moderator on a node the member is not connected
         * to: the node holding the member removes it (the cool-off is already in the shared room
         * rules; the reason is in the audit log).
         */
        KICK,
        /**
         * A member's session was taken over by the node that published this (a resume there): a
         * node that still holds a copy of it closes that copy quietly, once Redis confirms the
         * copy's record was taken (not about staff: it travels here as the one event bus).
         */
        RESUMED,
        /**
         * A moderator approved or rejected a held message: the node the writer is connected to
         * tells it (the decision and a rejection's reason are in the store and the audit log).
         */
        HELD,
        /**
         * Warm hand-off: a staff member on {@code origin} opened private room {@code room} for
         * {@code memberId}, who is not connected there; the node holding the member invites it (the
         * rest is in the conversation's shared record). The kinds below are its answers and endings;
         * each names the room and the member only.
         */
        REACH,
        /** The member's node invited it (answers {@link #REACH}). */
        REACH_INVITED,
        /** The member's node refused: the person is staff (answers {@link #REACH}). */
        REACH_REFUSED,
        /** The member declined the invitation: the staff member's node tells it so. */
        REACH_DECLINED,
        /** The private conversation ended: every node tells whoever of the two it holds. */
        REACH_CLOSED
    }

    /**
     * @throws NullPointerException     when {@code kind} or {@code origin} is null
     * @throws IllegalArgumentException when a field the kind needs is missing
     */
    public StaffChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        switch (kind) {
            case BAN, UNBAN -> require(banId != null, "banId (expected: the ban's id)");
            case MUTE, UNMUTE, KICK -> require(room != null && memberId != null,
                    "room and memberId (expected: both, for a mute or kick)");
            case RESUMED -> require(memberId != null, "memberId (expected: the member whose session was taken over)");
            case HELD -> require(room != null && memberId != null && banId != null,
                    "room, memberId and message id (expected: all three, for a held message's decision)");
            case REACH, REACH_INVITED, REACH_REFUSED, REACH_DECLINED, REACH_CLOSED -> require(
                    room != null && memberId != null, "room and memberId (expected: both, for a private conversation)");
            default -> throw new IllegalArgumentException("kind: " + kind);
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("missing " + what);
        }
    }

    /** A ban was recorded. */
    public static StaffChange ban(String banId, String memberId, String origin) {
        return new StaffChange(Kind.BAN, memberId, null, banId, origin);
    }

    /** A ban was lifted. */
    public static StaffChange unban(String banId, String origin) {
        return new StaffChange(Kind.UNBAN, null, null, banId, origin);
    }

    /** A member was muted in a room. */
    public static StaffChange mute(String room, String memberId, String origin) {
        return new StaffChange(Kind.MUTE, memberId, room, null, origin);
    }

    /** A member's mute in a room was lifted. */
    public static StaffChange unmute(String room, String memberId, String origin) {
        return new StaffChange(Kind.UNMUTE, memberId, room, null, origin);
    }

    /** A member's session was taken over by node {@code origin}. */
    public static StaffChange resumed(String memberId, String origin) {
        return new StaffChange(Kind.RESUMED, memberId, null, null, origin);
    }

    /** A member was kicked out of a room (by a moderator on another node than the member's). */
    public static StaffChange kick(String room, String memberId, String origin) {
        return new StaffChange(Kind.KICK, memberId, room, null, origin);
    }

    /**
     * A moderator decided on the held message {@code msgId} that {@code memberId} wrote in
     * {@code room} (the message id travels in the {@link #banId()} slot).
     */
    public static StaffChange held(String room, String memberId, String msgId, String origin) {
        return new StaffChange(Kind.HELD, memberId, room, msgId, origin);
    }

    /** A change of the warm hand-off's private conversation {@code room} with {@code memberId} ({@code kind} is a {@code REACH*}). */
    public static StaffChange handOff(Kind kind, String room, String memberId, String origin) {
        if (!kind.name().startsWith("REACH")) {
            throw new IllegalArgumentException("kind: " + kind + " (expected: one of the REACH kinds)");
        }
        return new StaffChange(kind, memberId, room, null, origin);
    }

    /** The held message's id of a {@link Kind#HELD} change; null for every other kind. */
    public String heldMsg() {
        return kind == Kind.HELD ? banId : null;
    }
}
