package org.kindred.server.room;

import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.RoomMode;
import org.kindred.server.broker.Restrictions;
import org.kindred.server.broker.Restrictions.Hold;
import org.kindred.server.i18n.Sentence;

/**
 * One room's rules for who may post and join now: membership and staff here, and the lock,
 * mutes, slow mode and the cool-off after a kick kept in the node's {@link Restrictions} (in
 * memory for one node, in Redis shared by several, so that a member is refused alike on every
 * node). Turns a {@link Hold} into the {@link Refusal} the member reads. Staff are never refused
 * by these rules.
 *
 * <p>{@link #mayPost} and the views ({@link #locked}, {@link #slowSeconds}) never wait and are safe
 * from any thread, so a request can be checked on its connection's event loop before anything
 * else is spent on it; the post itself is decided by the broker in the step that numbers it
 * ({@link #refusal} words its hold). The other methods may wait for the
 * network: call them on the room's thread (a worker, never an event loop, when the engines do I/O);
 * they throw an unchecked exception when the shared state is unreachable.
 */
final class RoomPolicy {
    private final String room;
    private final Restrictions rules;

    RoomPolicy(String room, Restrictions rules) {
        this.room = room;
        this.rules = rules;
    }

    /**
     * Whether a member may post now ({@code now} in epoch ms), as far as this node knows without
     * waiting: in the room, the room not locked, not muted, and not within slow mode's wait since
     * its last post. Returns the refusal, or null. Records nothing; {@link #post} decides.
     */
    Refusal mayPost(boolean inRoom, boolean staff, String memberId, long now) {
        if (!inRoom) {
            return Refusal.NOT_IN_ROOM;
        }
        return staff ? null : refusal(rules.peekPost(room, memberId, now));
    }

    /**
     * Whether a member may join now: not cooling off after a kick, the room not locked, and a
     * seat free ({@code seated} connected members of {@code capacity}). Returns the refusal, or null.
     */
    Refusal mayJoin(String memberId, boolean staff, long now, int seated, int capacity) {
        if (staff) {
            return null;
        }
        Refusal held = refusal(rules.join(room, memberId, now));
        if (held != null) {
            return held == Refusal.POST_LOCKED ? Refusal.JOIN_LOCKED : held;
        }
        return seated >= capacity ? Refusal.FULL : null;
    }

    /** The refusal a member reads for {@code h}, or null for none. */
    Refusal refusal(Hold h) {
        if (h == null) {
            return null;
        }
        return switch (h.kind()) {
            case LOCKED -> Refusal.POST_LOCKED;
            case MUTED -> new Refusal(ErrorCode.MUTED, Sentence.of("error.muted"), h.waitMs());
            case SLOW -> slowRefusal(h.waitMs());
            case COOLING_OFF -> new Refusal(ErrorCode.FORBIDDEN, Sentence.of("error.cool_off"), h.waitMs());
            case RATE_LIMITED -> rateRefusal(h.waitMs());
        };
    }

    /** {@code rate_limited} as the moderation pipeline words it (its {@code Reasons.tooQuick}). */
    private static Refusal rateRefusal(long waitMs) {
        long wait = Math.max(1, waitMs);
        long seconds = Math.max(1, (wait + 999) / 1000);
        return new Refusal(ErrorCode.RATE_LIMITED, seconds == 1 ? Sentence.of("moderation.rate_limited.one")
                : Sentence.of("moderation.rate_limited", "seconds", seconds), wait);
    }

    private Refusal slowRefusal(long waitMs) {
        return new Refusal(ErrorCode.SLOW_MODE, Sentence.of("error.slow_mode.wait", "seconds", slowSeconds()), waitMs);
    }

    void mute(String memberId, long until) {
        rules.mute(room, memberId, until);
    }

    /** Lifts a mute; true if one was in force at {@code now}. */
    boolean unmute(String memberId, long now) {
        return rules.unmute(room, memberId, now);
    }

    /** Whether a kick's cool-off keeps {@code memberId} out of the room at {@code now} (epoch ms). May wait. */
    boolean coolingOff(String memberId, long now) {
        Hold h = rules.join(room, memberId, now);
        return h != null && h.kind() == Restrictions.Kind.COOLING_OFF;
    }

    void coolOff(String memberId, long until) {
        rules.coolOff(room, memberId, until);
    }

    /** Slow mode on ({@code seconds > 0}) or off; everyone's wait starts afresh. */
    void slow(long seconds) {
        rules.slow(room, seconds);
    }

    void lock(boolean on) {
        rules.lock(room, on);
    }

    /** The room's modes now, read where they are kept (and this node's view refreshed). */
    RoomMode mode() {
        Restrictions.Modes m = rules.modes(room);
        return new RoomMode(m.slowSeconds(), m.locked());
    }

    /**
     * Re-reads the room's modes where they are kept (a moderator changed them through another
     * node, or Redis lost them and this node writes back what it knew). Returns whether the lock
     * changed here; false, changing nothing, when they cannot be read now.
     */
    boolean refresh() {
        boolean wasLocked = locked();
        try {
            rules.modes(room);
        } catch (RuntimeException e) {
            return false; // unreachable now: the next sweep tries again
        }
        return wasLocked != locked();
    }

    /** Forgets the room's modes (a closed room). */
    void forget() {
        rules.forget(room);
    }

    long slowSeconds() {
        return rules.knownModes(room).slowSeconds();
    }

    boolean locked() {
        return rules.knownModes(room).locked();
    }
}
