package org.kindred.server.room;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kindred.protocol.ErrorCode;
import org.kindred.server.i18n.Sentence;

/**
 * One room's rules for who may post and join now: the lock, mutes, slow mode and the cool-off
 * after a kick. This is the only place slow mode is kept. Reads are safe from any thread, so
 * a request can be checked on its connection's event loop before anything else is spent on it;
 * changes come from the room's thread. Staff are never refused by these rules.
 */
final class RoomPolicy {
    private final Map<String, Long> mutedUntil = new ConcurrentHashMap<>();
    private final Map<String, Long> coolOffUntil = new ConcurrentHashMap<>();
    private final Map<String, Long> lastPost = new ConcurrentHashMap<>();
    private volatile long slowSeconds;
    private volatile boolean locked;

    /**
     * Whether a member may post now ({@code now} in epoch ms): in the room, the room not locked,
     * not muted, and not within slow mode's wait since its last post. Returns the refusal, or
     * null. Records nothing (see {@link #posted}); an expired mute is forgotten.
     */
    Refusal mayPost(boolean inRoom, boolean staff, String memberId, long now) {
        if (!inRoom) {
            return Refusal.NOT_IN_ROOM;
        }
        if (staff) {
            return null;
        }
        if (locked) {
            return Refusal.POST_LOCKED;
        }
        Long muted = mutedUntil.get(memberId);
        if (muted != null) {
            if (muted > now) {
                return new Refusal(ErrorCode.MUTED, Sentence.of("error.muted"), muted - now);
            }
            mutedUntil.remove(memberId, muted);
        }
        long slow = slowSeconds;
        if (slow > 0) {
            Long last = lastPost.get(memberId);
            long next = last == null ? 0 : last + slow * 1000;
            if (next > now) {
                return new Refusal(ErrorCode.SLOW_MODE, Sentence.of("error.slow_mode.wait", "seconds", slow),
                        next - now);
            }
        }
        return null;
    }

    /** The member posted at {@code now}: slow mode counts its next wait from here. */
    void posted(String memberId, boolean staff, long now) {
        if (!staff && slowSeconds > 0) {
            lastPost.put(memberId, now);
        }
    }

    /**
     * Whether a member may join now: not cooling off after a kick, the room not locked, and a
     * seat free ({@code seated} connected members of {@code capacity}). Returns the refusal, or null.
     */
    Refusal mayJoin(String memberId, boolean staff, long now, int seated, int capacity) {
        if (staff) {
            return null;
        }
        Long coolOff = coolOffUntil.get(memberId);
        if (coolOff != null) {
            long left = coolOff - now;
            if (left > 0) {
                return new Refusal(ErrorCode.FORBIDDEN, Sentence.of("error.cool_off"), left);
            }
            coolOffUntil.remove(memberId, coolOff);
        }
        if (locked) {
            return Refusal.JOIN_LOCKED;
        }
        return seated >= capacity ? Refusal.FULL : null;
    }

    void mute(String memberId, long until) {
        mutedUntil.put(memberId, until);
    }

    /** Lifts a mute; true if one was in force at {@code now}. */
    boolean unmute(String memberId, long now) {
        Long was = mutedUntil.remove(memberId);
        return was != null && was > now;
    }

    void coolOff(String memberId, long until) {
        coolOffUntil.put(memberId, until);
    }

    /** Slow mode on ({@code seconds > 0}) or off; everyone's wait starts afresh. */
    void slow(long seconds) {
        slowSeconds = seconds;
        lastPost.clear();
    }

    void lock(boolean on) {
        locked = on;
    }

    long slowSeconds() {
        return slowSeconds;
    }

    boolean locked() {
        return locked;
    }
}
