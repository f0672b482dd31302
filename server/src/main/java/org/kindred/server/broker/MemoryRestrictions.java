package org.kindred.server.broker;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Restrictions} in this process, for one node: exact, never waits. Expired mutes,
 * cool-offs and last posts are forgotten when next looked at. Thread-safe.
 */
public final class MemoryRestrictions implements Restrictions {

    /** One room's state. */
    private static final class RoomState {
        final Map<String, Long> mutedUntil = new ConcurrentHashMap<>();
        final Map<String, Long> coolOffUntil = new ConcurrentHashMap<>();
        final Map<String, Long> lastPost = new ConcurrentHashMap<>();
        volatile Modes modes = Modes.OPEN;
    }

    private final Map<String, RoomState> rooms = new ConcurrentHashMap<>();

    private RoomState state(String room) {
        return rooms.computeIfAbsent(room, r -> new RoomState());
    }

    @Override
    public CompletionStage<Hold> post(String room, String memberId, long now) {
        return CompletableFuture.completedFuture(postNow(room, memberId, now));
    }

    /**
     * {@link #post} answered at once: null when allowed (and recorded for slow mode), else the hold.
     */
    public Hold postNow(String room, String memberId, long now) {
        return admit(room, memberId, now, () -> { });
    }

    /**
     * {@link #postNow} around {@code step}, all in one step: no change of the room's modes or mutes
     * comes between the check and {@code step}. When the post is allowed, runs {@code step} (e.g.
     * numbering and delivering the message) and then records the post for slow mode; when
     * {@code step} throws, nothing is recorded and the exception propagates.
     *
     * @return null when allowed (and {@code step} ran), else the hold ({@code step} did not run)
     */
    public Hold admit(String room, String memberId, long now, Runnable step) {
        RoomState r = state(room);
        synchronized (r) { // check, act and record in one step
            Hold held = peekPost(room, memberId, now);
            if (held != null) {
                return held;
            }
            step.run();
            if (r.modes.slowSeconds() > 0) {
                r.lastPost.put(memberId, now);
            }
            return null;
        }
    }

    @Override
    public Hold peekPost(String room, String memberId, long now) {
        RoomState r = rooms.get(room);
        if (r == null) {
            return null;
        }
        Modes modes = r.modes;
        if (modes.locked()) {
            return new Hold(Kind.LOCKED, 0);
        }
        Long muted = r.mutedUntil.get(memberId);
        if (muted != null) {
            if (muted > now) {
                return new Hold(Kind.MUTED, muted - now);
            }
            r.mutedUntil.remove(memberId, muted);
        }
        long slow = modes.slowSeconds();
        if (slow > 0) {
            Long last = r.lastPost.get(memberId);
            long next = last == null ? 0 : last + slow * 1000;
            if (next > now) {
                return new Hold(Kind.SLOW, next - now);
            }
        }
        return null;
    }

    @Override
    public Hold join(String room, String memberId, long now) {
        RoomState r = rooms.get(room);
        if (r == null) {
            return null;
        }
        Long coolOff = r.coolOffUntil.get(memberId);
        if (coolOff != null) {
            if (coolOff > now) {
                return new Hold(Kind.COOLING_OFF, coolOff - now);
            }
            r.coolOffUntil.remove(memberId, coolOff);
        }
        return r.modes.locked() ? new Hold(Kind.LOCKED, 0) : null;
    }

    @Override
    public Modes modes(String room) {
        return knownModes(room);
    }

    @Override
    public Modes knownModes(String room) {
        RoomState r = rooms.get(room);
        return r == null ? Modes.OPEN : r.modes;
    }

    @Override
    public void lock(String room, boolean on) {
        RoomState r = state(room);
        synchronized (r) {
            r.modes = new Modes(on, r.modes.slowSeconds());
        }
    }

    @Override
    public void slow(String room, long seconds) {
        RoomState r = state(room);
        synchronized (r) {
            r.modes = new Modes(r.modes.locked(), seconds);
            r.lastPost.clear();
        }
    }

    /**
     * Sets the modes this node knows of {@code room} to {@code modes} (what another node set);
     * waits start afresh only when slow mode changed.
     */
    public void know(String room, Modes modes) {
        RoomState r = state(room);
        synchronized (r) {
            if (r.modes.slowSeconds() != modes.slowSeconds()) {
                r.lastPost.clear();
            }
            r.modes = modes;
        }
    }

    @Override
    public void mute(String room, String memberId, long until) {
        RoomState r = state(room);
        synchronized (r) { // never between a post's check and its step
            r.mutedUntil.put(memberId, until);
        }
    }

    @Override
    public boolean unmute(String room, String memberId, long now) {
        RoomState r = rooms.get(room);
        Long was = r == null ? null : r.mutedUntil.remove(memberId);
        return was != null && was > now;
    }

    /**
     * Corrects a mute this node knew of: when {@code memberId} is still known muted until
     * {@code known}, replaces that end with {@code until} ({@code <= 0}: no mute). Changes nothing
     * when the known end changed meanwhile (a newer mute or lift came first).
     */
    public void correctMute(String room, String memberId, long known, long until) {
        RoomState r = rooms.get(room);
        if (r == null) {
            return;
        }
        synchronized (r) {
            if (until <= 0) {
                r.mutedUntil.remove(memberId, known);
            } else {
                r.mutedUntil.replace(memberId, known, until);
            }
        }
    }

    @Override
    public void coolOff(String room, String memberId, long until) {
        state(room).coolOffUntil.put(memberId, until);
    }

    @Override
    public void forget(String room) {
        rooms.remove(room);
    }
}
